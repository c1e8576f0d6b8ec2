/// What a line of a code block without prompts looks like to a shell user: a command,
/// or text that only shares the block with commands. Decided from the line's shape, not
/// from lists of words: a command opens with a lower-case program name, a path or shell
/// syntax; output, logs, tables, prose and other languages open otherwise.
enum ShellLineShape: Equatable {
    case blank
    case comment
    case command
    /// Output, a log line, a table row, prose, or code in another language.
    case text
    /// `x = 1`, `index => "logs"`, `server {`, `a.b(…)`: config or code, never shell.
    case code
    /// `key: value` or `key:`: a YAML or config entry, or a command's output in that
    /// form (`Sealed: false`, `System:  Ubuntu`, the YAML `cat values.yaml` prints);
    /// never shell.
    case field

    static func of(_ line: Substring) -> ShellLineShape {
        let text = line.withoutLeadingBlanks.withoutTrailingBlanks
        guard let first = text.utf8.first else { return .blank }
        if first == UInt8(ascii: "#") { return .comment }
        let word = text.firstBlankDelimitedWord
        // A REPL's prompt (`mysql>`, `postgres=#`, `irb>`): what follows is not shell.
        if (word.utf8.last == UInt8(ascii: ">") || word.utf8.last == UInt8(ascii: "#")) && !isPlaceholderAssignment(word) {
            return .text
        }
        if isMemberCall(word) { return .code }
        if CommandWord.isAssignment(word.utf8) { return .command }
        if word.utf8.contains(UInt8(ascii: ":")) || word.utf8.contains(UInt8(ascii: "=")) {
            return isMappingKey(word) ? entryShape(text[word.endIndex...].withoutLeadingBlanks) : .text
        }
        if !opensCommand(word) || isListing(word, text) { return .text }
        let rest = text[word.endIndex...].withoutLeadingBlanks
        if rest.utf8.starts(with: ": ".utf8) || rest == ":" || rest.utf8.starts(with: "= ".utf8) || rest == "="
            || rest.utf8.starts(with: "=> ".utf8) { return .code }
        if opensCodeBlock(word, text) { return .code }
        if endsWithColon(text) || isTableRow(text) || isProse(text) || isStatusReport(text) || isReportField(text) { return .text }
        return .command
    }

    /// `AWS_PROFILE=<profile>`: a variable set to a placeholder the reader fills in. It
    /// ends in `>` like a REPL's prompt, but a prompt never puts `=<` before its name.
    private static func isPlaceholderAssignment(_ word: Substring) -> Bool {
        guard CommandWord.isAssignment(word.utf8), let eq = word.firstIndex(of: "=") else { return false }
        let value = word[word.index(after: eq)...].utf8
        return value.count > 2 && value.first == UInt8(ascii: "<") && ShellSyntax.isLetter(value.dropFirst().first ?? 0)
    }

    /// A line of one word that names a thing, not a program: a host, pod or context
    /// (`web-01`, `prod-eu-1`: programs do not end in `-<digits>`) or a file
    /// (`values.yaml`, a name with an extension and no path). Under a command, it is
    /// what the command printed.
    static func isLoneName(_ line: Substring) -> Bool {
        let word = line.withoutLeadingBlanks.withoutTrailingBlanks
        guard !word.isEmpty, !word.contains(where: { $0 == " " || $0 == "\t" || $0 == "/" }) else { return false }
        if let dash = word.lastIndex(of: "-") {
            let tail = word[word.index(after: dash)...]
            if !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        }
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        let ext = word[word.index(after: dot)...]
        return (1...4).contains(ext.count) && ext.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// `Before you start:` introduces what follows; a colon at the end of a comment
    /// (`ssh ops@db-1 # then, on the host:`) does not make the command prose, nor does
    /// one that ends the last argument of a line that passes an option, a pipe or a path
    /// (`… | grep -A5 Last.State:`, `scp dump.sql ops@db-1:`): an introduction is words.
    private static func endsWithColon(_ line: Substring) -> Bool {
        guard line.utf8.last == UInt8(ascii: ":"), !passesShellArguments(line) else { return false }
        var quote: UInt8?
        var previous = UInt8(ascii: " ")
        for byte in line.utf8 {
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") {
                return false
            }
            previous = byte
        }
        return true
    }

    /// `show databases;`, `SELECT 1;`: a statement closed by a semicolon, with no option,
    /// pipe, path or variable, is what a database or admin console reads (SQL, pgbouncer's,
    /// redis'), which a shell line does not end with.
    static func isConsoleStatement(_ line: Substring) -> Bool {
        let text = line.withoutLeadingBlanks.withoutTrailingBlanks
        return text.utf8.last == UInt8(ascii: ";") && !text.dropLast().contains(";") && !passesShellArguments(text)
    }

    /// Whether a word of the line is an option (`-A5`, `--all`) or holds what only shell
    /// arguments hold: a pipe, a path, a variable, an assignment, a host or a redirection.
    static func passesShellArguments(_ line: Substring) -> Bool {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { word in
            let bytes = word.utf8
            if bytes.count > 1, bytes.first == UInt8(ascii: "-"), bytes.dropFirst().first.map(ShellSyntax.isLetter) == true
                || bytes.starts(with: "--".utf8) { return true }
            return bytes.contains { "|/$=@<>".utf8.contains($0) }
        }
    }

    /// `Jenkins.instance.getItems(…)`, `System.setProperty("x", …)`: a method called on an
    /// object (Groovy, Java, Python, Ruby). A shell word never holds `.name(`: this is
    /// code, whatever case it starts with.
    private static func isMemberCall(_ word: Substring) -> Bool {
        guard let paren = word.firstIndex(of: "(") else { return false }
        let parts = word[..<paren].split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
    }

    /// After a `key:`: an entry, unless a second `: ` sits in a plain value, which YAML
    /// forbids and status lines write (`run: nginx: (pid 1234) 88s`): that line is output.
    private static func entryShape(_ value: Substring) -> ShellLineShape {
        guard let first = value.utf8.first else { return .field }
        if "\"'[{|>&*!".utf8.contains(first) { return .field }
        let holdsAnotherKey = zip(value.utf8, value.utf8.dropFirst()).contains {
            $0 == UInt8(ascii: ":") && ($1 == UInt8(ascii: " ") || $1 == UInt8(ascii: "\t"))
        }
        return holdsAnotherKey ? .text : .field
    }

    /// `volumes:`, `port: 53`: a YAML or config key; not `host:port` or a log prefix
    /// `main.go:12:`.
    private static func isMappingKey(_ word: Substring) -> Bool {
        word.hasSuffix(":") && !word.dropLast().contains(":")
    }

    /// `server {`, `resource "x" "y" {`: a C-like block (nginx, HCL, code). A shell opens
    /// a block only with `{` itself or a function (`f() {`).
    private static func opensCodeBlock(_ word: Substring, _ line: Substring) -> Bool {
        guard line.utf8.suffix(2).elementsEqual(" {".utf8) else { return false }
        return word != "{" && word != "function" && !word.hasSuffix("()")
    }

    /// `perl::Module`, `std::vector`: a name in another language, not a program. Two
    /// adjacent bytes, because a `Character` or generic search here cost 5% of `lint`.
    private static func hasDoubleColon(_ word: Substring) -> Bool {
        zip(word.utf8, word.utf8.dropFirst()).contains { $0 == UInt8(ascii: ":") && $1 == UInt8(ascii: ":") }
    }

    /// A command opens with a program name (lower case: `NAME`, `Error`, `SELECT` and
    /// `I0428` open output, logs, SQL and prose), a path, or shell syntax (`(`, `!`,
    /// `[ … ]`, `{`, `$(…)`, a backtick).
    static func opensCommand(_ word: Substring) -> Bool {
        guard let byte = word.utf8.first else { return false }
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {  // the common case, without Unicode properties
            return word.utf8.last != UInt8(ascii: ">") && !hasDoubleColon(word)
        }
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return false }
        guard let first = word.first else { return false }
        if first.isLetter { return !first.isUppercase && word.utf8.last != UInt8(ascii: ">") && !hasDoubleColon(word) }
        switch first {
        case "/", "~", "_", "(", "!", "$", "`": return true
        case ".": return word.hasPrefix("./") || word.hasPrefix("../") || word == "."
        case "[": return word == "[" || word == "[["
        case "{": return word == "{"
        default: return false
        }
    }

    /// `drwxr-xr-x 2 root root …` and `total 12`: a directory listing.
    private static func isListing(_ word: Substring, _ line: Substring) -> Bool {
        if word.count >= 10, word.count <= 11, let kind = word.first, "dlcbps-".contains(kind),
           word.dropFirst().prefix(9).allSatisfy({ "rwxsStT-".contains($0) }) { return true }
        guard word == "total" else { return false }
        let size = line.dropFirst(5).drop { $0 == " " }
        return !size.isEmpty && size.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) } && size.first?.isNumber == true
    }

    /// Columns aligned with runs of spaces (`web-1   2/2   Running   0   4h`): at least two
    /// gaps of two or more blanks before any comment. Commands are written with single spaces.
    static func isTableRow(_ line: Substring) -> Bool {
        var gaps = 0
        var blanks = 0
        var quote: UInt8?
        for byte in line.utf8 {
            if let q = quote {
                if byte == q { quote = nil }
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                blanks += byte == UInt8(ascii: "\t") ? 2 : 1
                continue
            }
            if byte == UInt8(ascii: "#") && blanks > 0 { break }
            if blanks >= 2 { gaps += 1 }
            if gaps >= 2 { return true }
            blanks = 0
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") { quote = byte }
        }
        return false
    }

    /// A sentence: three or more plain words with a comma inside or a full stop, a
    /// question or a colon at the end, or eight or more plain words. A plain word is
    /// letters (an apostrophe only inside: a quote at either end is shell).
    private static func isProse(_ line: Substring) -> Bool {
        // Most command lines hold a `-`, `/`, `=` or `$`: decided without splitting.
        guard line.utf8.allSatisfy({ $0 >= 0x80 || ShellSyntax.isLetter($0) || " ,.;:!?'".utf8.contains($0) }) else { return false }
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 3 else { return false }
        let plain = words.allSatisfy { word in
            var letters = word
            while let last = letters.last, ",.;:!?".contains(last) { letters = letters.dropLast() }
            guard let first = letters.first, let last = letters.last, first.isLetter, last.isLetter else { return false }
            return letters.allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" }
        }
        guard plain, let end = line.last else { return false }
        if words.count >= 8 || words.dropLast().contains(where: { $0.hasSuffix(",") }) { return true }
        return ".?:".contains(end) && line.dropLast().last?.isLetter == true
    }

    /// `database size: 33.9MB`, `wal start/stop: 0001 / 0002`: a field a report names in
    /// two to four words, as `pgbackrest info` or `pg_controldata` print. A shell word
    /// ending in `:` follows an option or names a host (`user@host:`), not a run of names.
    private static func isReportField(_ line: Substring) -> Bool {
        let words = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
        for word in words.dropFirst().prefix(3) {
            guard let first = word.first, first.isLetter || first.isNumber || first == "(" else { return false }
            let name = word.hasSuffix(":") ? word.dropLast() : word
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "/_-.()".contains($0) }) else { return false }
            if word.hasSuffix(":") { return true }
        }
        return false
    }

    /// `deployment.apps/web configured`, `pod/web-1 deleted`: a name and what was done
    /// to it, the way CLIs report a change. Two or three words, no option, the last a
    /// past participle.
    private static func isStatusReport(_ line: Substring) -> Bool {
        guard line.utf8.last == UInt8(ascii: "d") else { return false }
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard (2...3).contains(words.count), let last = words.last, last.count >= 4, last.hasSuffix("ed"),
              last.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return !words.contains { $0.hasPrefix("-") }
    }

    /// `health status index` over `green  open   .kibana_1`, or any header over a rule
    /// (`----+----`): a table's header, however its words look.
    static func isHeader(_ line: Substring, of row: Substring) -> Bool {
        if isRule(row) { return true }
        guard isTableRow(row) else { return false }
        let header = columnStarts(line)
        return header.count >= 2 && header.isSubset(of: columnStarts(row))
    }

    /// `----------+------`, `=====`: a line that only rules off a table's header.
    private static func isRule(_ line: Substring) -> Bool {
        var dashes = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "=") { dashes += 1; continue }
            guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ":")
            else { return false }
        }
        return dashes >= 3
    }

    /// The byte offsets where the line's words start.
    private static func columnStarts(_ line: Substring) -> Set<Int> {
        var starts = Set<Int>()
        var previous = UInt8(ascii: " ")
        for (offset, byte) in line.utf8.enumerated() {
            let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if !isBlank && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) { starts.insert(offset) }
            previous = byte
        }
        return starts
    }
}
