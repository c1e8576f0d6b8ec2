/// The program a simple command runs, found the way a shell user reads it: past
/// variable assignments, keywords that lead into a command (`if`, `do`, `!`, `time`) and
/// wrappers that run another program (`sudo -u ops`, `xargs -I {}`, `timeout 30`).
/// Builtins, keywords that open no command (`for`, `case`) and words the shell rewrites
/// (`$KUBECTL`) name no tool.
enum CommandWord {
    /// Shell builtins and keywords: never tools a reader must install.
    static let builtins: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function",
        "in", "select", "time", "{", "}", "[", "[[", "]]", "!", "cd", "echo", "export", "exit", "set", "unset",
        "source", ".", "alias", "unalias", "eval", "exec", "read", "return", "local", "declare", "typeset",
        "shift", "trap", "true", "false", "test", "printf", "wait", "ulimit", "umask", "pushd", "popd", "let",
        "readonly", "break", "continue", "history", "type", "command", "builtin", "hash", "jobs", "fg", "bg",
    ]

    /// Keywords after which the next word is a command (`if grep …`, `do kubectl …`).
    static let leadingKeywords: Set<String> = ["if", "then", "else", "elif", "while", "until", "do", "!", "{", "coproc"]

    /// Prefixes that run another command: the real tool is the next word.
    static let wrappers: Set<String> = [
        "sudo", "doas", "env", "nohup", "time", "exec", "command", "builtin", "xargs", "watch", "timeout", "nice",
        "ionice", "stdbuf",
    ]

    /// Wrappers that are programs of their own, which a reader must have as surely as
    /// the command they run (`watch` and `timeout` are missing on a stock macOS). The
    /// shell's keywords and builtins (`time`, `exec`, `command`) are not, and neither are
    /// the prefixes the reader's own account provides (`sudo`, `doas`, `env`).
    static let wrappersThatAreTools: Set<String> = ["xargs", "watch", "timeout", "nice", "ionice", "stdbuf", "nohup"]

    /// Wrappers that run the next program as another user: alone, they open a shell.
    static let userSwitches: Set<String> = ["sudo", "doas"]

    /// Wrapper options that take a value (`sudo -u ops systemctl …`).
    static let wrapperOptionsWithValues: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-p", "-C", "-D", "-h", "-r", "-t", "-U"], "doas": ["-u", "-C"], "env": ["-u", "-C", "-S"],
        "timeout": ["-s", "-k", "--signal", "--kill-after"], "watch": ["-n", "--interval"], "nice": ["-n"],
        "xargs": ["-I", "-n", "-P", "-L", "-d", "-a", "-E", "-s"], "ionice": ["-c", "-n", "-p", "-P", "-u"],
        "stdbuf": ["-i", "-o", "-e"], "exec": ["-a"],
    ]

    /// The word naming the program `words` runs, or nil when it runs none a reader installs.
    static func program(of words: [ShellWord]) -> ShellWord? {
        read(words).program
    }

    /// Every program `words` runs that a reader installs: the wrappers that are tools,
    /// then the program they run (`watch -n 5 'oc get pods'` runs `watch` and `oc`).
    static func programs(of words: [ShellWord]) -> [ShellWord] {
        let (wrapping, program) = read(words)
        return wrapping.filter { wrappersThatAreTools.contains($0.text) } + (program.map { [$0] } ?? [])
    }

    /// The wrappers in front of the program and the program itself.
    private static func read(_ words: [ShellWord]) -> (wrappers: [ShellWord], program: ShellWord?) {
        var wrapping: [ShellWord] = []
        var index = 0
        while index < words.count {
            var word = words[index]
            index += 1
            while word.text.utf8.first == UInt8(ascii: "!") && !word.quoted { word.text.removeFirst() }
            if word.text.isEmpty || leadingKeywords.contains(word.text) || isAssignment(word) { continue }
            if wrappers.contains(word.text) {
                wrapping.append(word)
                index = skipOptions(of: word.text, in: words, from: index)
                continue
            }
            return (wrapping, programWord(word))
        }
        // Nothing after the wrappers: the last one is what runs (`env | grep PATH`,
        // `watch`), unless the shell provides it (`time`, `exec`) or it only changes
        // who the reader is (`sudo -i`, `doas -s`: a right, not a tool).
        guard let last = wrapping.last, !builtins.contains(last.text), !userSwitches.contains(last.text) else {
            return (wrapping, nil)
        }
        return (wrapping.dropLast(), last)
    }

    /// The program `word` names once the wrappers are behind it.
    private static func programWord(_ word: ShellWord) -> ShellWord? {
        if builtins.contains(word.text) { return nil }
        if word.expands || word.text.hasPrefix("~/") { return isScriptUnderVariable(word.text) ? word : nil }
        if word.quoted, word.text.contains(" ") {
            // `watch 'kubectl get pods'`: the quoted words are the command.
            return ShellSyntax(Substring(word.text)).commands.first.flatMap(program).map {
                ShellWord(text: $0.text, offset: word.offset)
            }
        }
        return looksLikeProgram(word.text) ? word : nil
    }

    /// `$CG_SCRIPT/encrypt.sh`, `$HOME/bin/rotate`, `~/bin/rotate`: a script run by its
    /// path under a variable's folder or the home folder. The folder varies; the script
    /// named after it is still one the reader must have. A bare `$KUBECTL` names no tool.
    private static func isScriptUnderVariable(_ text: String) -> Bool {
        var bytes = Substring(text).utf8
        if bytes.starts(with: "~/".utf8) {
            bytes = bytes.dropFirst()
        } else {
            guard bytes.first == UInt8(ascii: "$") else { return false }
            let name = bytes.dropFirst().prefix { ShellSyntax.isLetter($0) || ShellSyntax.isDigit($0) || $0 == UInt8(ascii: "_") }
            guard !name.isEmpty else { return false }
            bytes = bytes.dropFirst(1 + name.count)
        }
        guard bytes.first == UInt8(ascii: "/"), !bytes.contains(UInt8(ascii: "$")) else { return false }
        let path = String(decoding: bytes.dropFirst(), as: UTF8.self)
        return !path.isEmpty && looksLikeProgram(path)
    }

    /// Past a wrapper's options (and the values some take, and `timeout`'s duration).
    private static func skipOptions(of wrapper: String, in words: [ShellWord], from start: Int) -> Int {
        let takesValue = wrapperOptionsWithValues[wrapper] ?? []
        var index = start
        var sawDuration = false
        while index < words.count {
            let option = words[index].text
            let isDuration = wrapper == "timeout" && !sawDuration && option.first.map { $0.isASCII && $0.isNumber } == true
            guard option.hasPrefix("-") || isDuration || (wrapper != "xargs" && isAssignment(words[index])) else { break }
            sawDuration = sawDuration || isDuration
            index += takesValue.contains(option) ? 2 : 1
        }
        return index
    }

    static func isAssignment(_ word: ShellWord) -> Bool { isAssignment(word.text.utf8) }

    /// `NAME=value`: a name of letters, digits and `_`, then `=`.
    static func isAssignment<Bytes: Collection<UInt8>>(_ text: Bytes) -> Bool {
        guard let eq = text.firstIndex(of: UInt8(ascii: "=")), eq != text.startIndex else { return false }
        return text[..<eq].allSatisfy { ShellSyntax.isLetter($0) || ShellSyntax.isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// A name a shell could look up or a path it could run: `kubectl`, `gds-cli`,
    /// `python3.11`, `deploy.sh`, `./scripts/x.sh`, `bin/rails`; not `.last`,
    /// `licensifydump/`, `sum(rate(…))` or a method chain `project.repository.expire_cache`.
    static func looksLikeProgram(_ word: String) -> Bool {
        let bytes = word.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) { return looksLikeProgram(ascii: bytes) }
        guard let first = word.first, isLetter(first) || first == "." || first == "/" || first == "_" else { return false }
        if first == "." && !word.contains("/") { return false }
        if word.hasSuffix("/") || word.hasSuffix(".") { return false }
        guard word.allSatisfy({ isLetter($0) || isNumber($0) || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/" || $0 == "+" })
        else { return false }
        return word.contains("/") || isPlainFileName(word)
    }

    /// `looksLikeProgram` for an ASCII word, on its bytes.
    private static func looksLikeProgram(ascii bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last,
              ShellSyntax.isLetter(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: "/") || first == UInt8(ascii: "_"),
              last != UInt8(ascii: "/"), last != UInt8(ascii: ".") else { return false }
        var hasSlash = false
        var hasDot = false
        for byte in bytes {
            hasSlash = hasSlash || byte == UInt8(ascii: "/")
            hasDot = hasDot || byte == UInt8(ascii: ".")
            guard ShellSyntax.isLetter(byte) || ShellSyntax.isDigit(byte) || "-_./+".utf8.contains(byte) else { return false }
        }
        if first == UInt8(ascii: ".") && !hasSlash { return false }
        return hasSlash || !hasDot || isPlainFileName(String(decoding: bytes, as: UTF8.self))
    }

    /// A name with dots is a file with an extension (`deploy.sh`) or a version
    /// (`python3.11`); `user.save` and `a.b.c` are code.
    private static func isPlainFileName(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return true }
        let numeric = parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        return numeric || (parts.count == 2 && (1...4).contains(parts[1].count))
    }

    /// `Character.isLetter`, answered from the byte for ASCII, where nearly every command
    /// word lives; Unicode properties decide the rest.
    static func isLetter(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return c.isLetter }
        return ShellSyntax.isLetter(ascii)
    }

    /// `Character.isNumber`, answered from the byte for ASCII.
    static func isNumber(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return c.isNumber }
        return ShellSyntax.isDigit(ascii)
    }
}
