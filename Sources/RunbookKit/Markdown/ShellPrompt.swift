/// The prompt a console transcript puts before each command a reader types: `$ `,
/// `$> `, `% `, `❯ `, `➜  dir `, a named prompt an author defines (`$mac `), and a shell's own
/// `user@host:~$ `, `[root@host ~]# `, `root@pod:/# `, `sh-4.4# `, `(venv) $ `.
/// A bare `# ` is not read here: it is a comment far more often than a root prompt.
/// REPL prompts (`mysql> `, `postgres=# `) are not shell prompts: what follows them is
/// not a command.
enum ShellPrompt {
    /// The command typed after the line's prompt (empty when the prompt stands alone),
    /// or nil when the line carries no prompt.
    static func command(in line: Substring) -> Substring? {
        let text = line.withoutLeadingBlanks
        let bytes = text.utf8
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "%") {
            let rest = text.dropFirst()
            if rest.isEmpty || rest.first == " " || rest.first == "\t" { return trimmed(rest) }
            // `$> be knife ssh …`: a prompt some authors draw; no shell line starts `$>`.
            if first == UInt8(ascii: "$"), rest.utf8.first == UInt8(ascii: ">") {
                let after = rest.dropFirst()
                if after.isEmpty || after.first == " " || after.first == "\t" { return trimmed(after) }
            }
            if first == UInt8(ascii: "$") { return namedPromptCommand(rest) }
            return nil
        }
        if first == 0xE2, text.hasPrefix("❯ ") { return trimmed(text.dropFirst(2)) }
        if first == 0xE2, text.hasPrefix("➜ ") { return arrowPromptCommand(text.dropFirst(2)) }
        return commandAfterShellPrompt(text)
    }

    /// `➜  app git:(main) ✗ git status`: oh-my-zsh's prompt names the folder, then the
    /// git branch and a dirty mark when there is one, before the command.
    private static func arrowPromptCommand(_ rest: Substring) -> Substring {
        var text = trimmed(rest)
        text = trimmed(text.drop { $0 != " " && $0 != "\t" })  // the folder
        if text.hasPrefix("git:("), let close = text.firstIndex(of: ")") { text = trimmed(text[text.index(after: close)...]) }
        if text.hasPrefix("✗") { text = trimmed(text.dropFirst()) }
        return text
    }

    /// `$mac docker ps`: a lower-case name right after `$` is a prompt the runbook
    /// defines for one machine; a shell variable run as a command is written `$KUBECTL`.
    private static func namedPromptCommand(_ rest: Substring) -> Substring? {
        guard let first = rest.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        let name = rest.prefix { c in
            guard let a = c.asciiValue else { return false }
            return (a >= UInt8(ascii: "a") && a <= UInt8(ascii: "z")) || ShellSyntax.isDigit(a) || a == UInt8(ascii: "_")
        }
        let after = rest[name.endIndex...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        return trimmed(after)
    }

    /// A prompt that ends in `$`, `#` or `%` after a prefix a shell prints: the first such
    /// sign on the line, followed by a space or the end of the line.
    private static func commandAfterShellPrompt(_ text: Substring) -> Substring? {
        // A prompt is short: the search stops early on the long lines of output.
        guard let sign = text.utf8.prefix(80).firstIndex(where: {
            $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "%")
        }), sign != text.startIndex else { return nil }
        let after = text[text.index(after: sign)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        let prefix = text[..<sign]
        let isPrompt = isPromptPrefix(prefix) || isHostPrompt(prefix, sign: text[sign]) || isWhereaboutsPrompt(prefix, sign: text[sign])
        return isPrompt ? trimmed(after) : nil
    }

    /// `user@host ~ % ` (zsh's default), `MacBook:~ ana$ ` (bash on macOS), `~/src/app $ `:
    /// up to three words that say who and where, the first a `user@host`, a `host:path`
    /// or (before `$` or `%`) a path. `ssh ops@db-1 # connect` opens with a program, so
    /// it stays a command with a comment.
    private static func isWhereaboutsPrompt(_ prefix: Substring, sign: Character) -> Bool {
        let words = prefix.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first, words.count <= 3,
              words.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "@:~/._-".contains($0)) } })
        else { return false }
        if first.contains("@") || first.contains(":~") || first.contains(":/") { return true }
        return sign != "#" && words.count == 1 && (first.hasPrefix("~") || first.hasPrefix("/"))
    }

    /// `patroni-01-db-gstg $ `, `workstation   $ `: a host's name, blanks, then the sign.
    /// Before `#` the name must look like a host (a digit in it), since `make # build`
    /// is a command with a comment.
    private static func isHostPrompt(_ prefix: Substring, sign: Character) -> Bool {
        guard let last = prefix.last, last == " " || last == "\t" else { return false }
        let host = prefix.prefix { $0 != " " && $0 != "\t" }
        guard !host.isEmpty, prefix[host.endIndex...].allSatisfy({ $0 == " " || $0 == "\t" }),
              host.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }),
              host.first?.isLetter == true else { return false }
        return sign == "$" || (host.contains(where: \.isNumber) && host.contains("-"))
    }

    /// `user@host:~`, `[root@host ~]`, `sh-4.4`, `host:/app`, `(venv) user@host:~`, and
    /// the bitnami `I have no name!@pod:/`.
    static func isPromptPrefix(_ raw: Substring) -> Bool {
        var prefix = raw
        if prefix.first == "(", let close = prefix.firstIndex(of: ")") {
            prefix = prefix[prefix.index(after: close)...].drop { $0 == " " }
            if prefix.isEmpty { return true }  // `(venv) $ `
        }
        guard let last = prefix.last, last != " ", last != "\t" else { return false }
        if prefix.first == "[" && last == "]" { return prefix.contains("@") || prefix.contains(" ") }
        if prefix.contains(where: { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == "$" || $0 == "`" }) { return false }
        if !prefix.contains(where: { $0 == " " || $0 == "\t" }) {
            if prefix.contains("@") || isShellName(prefix) { return true }
            guard let colon = prefix.lastIndex(of: ":") else { return false }
            let path = prefix[prefix.index(after: colon)...]
            return path.first == "~" || path.first == "/"
        }
        guard let at = prefix.lastIndex(of: "@") else { return false }
        let host = prefix[prefix.index(after: at)...]
        return host.contains(":") && !host.contains(where: { $0 == " " || $0 == "\t" })
    }

    /// `sh`, `bash-5.1`, `sh-4.4`: the prompt a shell prints when it knows no user or host.
    private static func isShellName(_ prefix: Substring) -> Bool {
        let name = prefix.prefix { $0 != "-" }
        guard ["sh", "bash", "zsh", "ksh", "ash", "dash"].contains(name) else { return false }
        let version = prefix[name.endIndex...].dropFirst()
        return version.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
    }

    /// A prompt the author made for one session (`BOSH (dev04) $ `, `[prod] $ `): text
    /// ending in a blank and `$`, with nothing a shell would parse, that opens two lines
    /// or more of the block alike. Output does not repeat such a start word for word.
    struct Repeated {
        let prefix: Substring

        /// The command after the prompt, or nil when the line does not open with it.
        func command(in line: Substring) -> Substring? {
            let text = line.withoutLeadingBlanks
            return text.hasPrefix(prefix) ? trimmed(text.dropFirst(prefix.count)) : nil
        }
    }

    /// The author's prompt that two or more lines of a block open with, if any; it marks
    /// commands beside the known forms.
    static func repeated(in lines: [Substring]) -> Repeated? {
        var seen: [Substring: Int] = [:]
        for line in lines {
            guard let prefix = authorPrompt(line.withoutLeadingBlanks) else { continue }
            seen[prefix, default: 0] += 1
            if seen[prefix] == 2 { return Repeated(prefix: prefix) }
        }
        return nil
    }

    /// `BOSH (dev04) $ `: a start of line up to a blank, `$` and a blank, in a prompt's
    /// length, holding none of a shell's quotes, expansions or operators.
    private static func authorPrompt(_ text: Substring) -> Substring? {
        guard let sign = text.utf8.prefix(40).firstIndex(of: UInt8(ascii: "$")), sign != text.startIndex else { return nil }
        let before = text[..<sign]
        let after = text[text.index(after: sign)...]
        guard before.last == " ", after.first == " ",
              !before.utf8.contains(where: { "=\"'`|;&<>#%\\".utf8.contains($0) }) else { return nil }
        return text[...after.startIndex]
    }

    private static func trimmed(_ text: Substring) -> Substring {
        text.withoutLeadingBlanks
    }
}
