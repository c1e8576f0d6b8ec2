/// A shell line cut into the simple commands a shell runs: split at `|`, `&&`, `||`, `;`
/// and `&`, with the commands inside `$( )`, backticks and `<( )` listed too, and
/// redirections and comments left out. Nothing is expanded or run.
///
/// One pass over the line's bytes: every byte the shell treats specially is ASCII, so
/// the bytes of other characters are carried along untouched.
struct ShellSyntax {
    private(set) var commands: [[ShellWord]] = []
    /// The word that ends each heredoc the line opens (`<<EOF`, `<<-'END'`).
    private(set) var heredocMarkers: [String] = []
    /// False when the line has what no shell user writes: a stray `(` (`sum by (job) (…)`,
    /// `CSV.open(file)`), a word after a subshell's `)`, a comparison (`up == 0`,
    /// `x > 0`) or a comma after a quoted string: PromQL, SQL or code, not a command.
    private(set) var isShell = true
    /// The line ends inside a quote: the shell reads on into the next line, and so does
    /// a reader (`psql -c "select …` over lines of SQL).
    private(set) var leavesQuoteOpen = false
    private let bytes: [UInt8]
    private var i = 0

    init(_ line: Substring) {
        bytes = Array(line.utf8)
        parseList(until: nil)
        // Commands inside `$( )` are finished before the command around them: list them
        // where they appear on the line.
        if commands.count > 1 { commands.sort { $0[0].offset < $1[0].offset } }
        noteComparisons()
    }

    /// Simple commands until `closer` (`)` of `$( )`, a backtick) or the end of the line.
    private mutating func parseList(until closer: UInt8?) {
        var list = ShellCommandList()
        while i < bytes.count {
            let b = bytes[i]
            if let closer, b == closer {
                i += 1
                break
            }
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                list.endWord()
                i += 1
            case UInt8(ascii: "#") where !list.word.started:
                i = bytes.count  // a comment runs to the end of the line
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`"):
                readWordPart(into: &list.word)
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                readAngle(into: &list)
            case UInt8(ascii: "|") where separatesAlternatives(in: list.word):
                list.word.append(b, at: i)
                i += 1
            case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ";"):
                readOperator(into: &list)
            case UInt8(ascii: "(") where !list.word.started && list.words.allSatisfy({ CommandWord.leadingKeywords.contains($0.text) }):
                i += 1  // a subshell (`(cd x && make)`, `then (…)`): its commands are read like any other
            case UInt8(ascii: "("):
                // Only an array (`a=(x y)`) or a function (`f()`) may hold one here.
                let isArray = list.word.bytes.last == UInt8(ascii: "=")
                let isFunction = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ")") && list.words.isEmpty
                if !isArray && !isFunction { isShell = false }
                list.word.append(b, at: i)
                i += 1
            case UInt8(ascii: ")") where closer == nil:
                list.endCommand()
                i += 1
                noteWordAfterSubshell()
            default:
                list.word.append(b, at: i)
                i += 1
            }
        }
        commands.append(contentsOf: list.finish())
        if list.redirectsToNumber { isShell = false }
    }

    /// `(a / b) * 100`: only an operator or a redirection may follow a subshell's `)`.
    private mutating func noteWordAfterSubshell() {
        var j = i
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
        while j < bytes.count, Self.isDigit(bytes[j]) { j += 1 }  // `2>&1`
        guard j < bytes.count else { return }
        if !"|&;<>)#".utf8.contains(bytes[j]) { isShell = false }
    }

    /// `up == 0`, `rate(x) != 1`: a comparison outside `[ ]`, `[[ ]]` or `test` is PromQL
    /// or code.
    private mutating func noteComparisons() {
        guard hasComparisonSign() else { return }
        for command in commands {
            guard let first = command.first?.text, !Self.testOpeners.contains(first) else { continue }
            if command.contains(where: { !$0.quoted && ($0.text == "==" || $0.text == "!=") }) { isShell = false }
        }
    }

    /// Quotes, escapes and expansions: parts of the current word.
    private mutating func readWordPart(into word: inout ShellWordBuilder) {
        let b = bytes[i]
        word.start(at: i)
        switch b {
        case UInt8(ascii: "'"):
            word.quoted = true
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "'") { word.bytes.append(bytes[i]); i += 1 }
            if i >= bytes.count { leavesQuoteOpen = true }
            i += 1
            noteCommaAfterQuote()
        case UInt8(ascii: "\""):
            word.quoted = true
            i += 1
            readDoubleQuoted(into: &word)
            noteCommaAfterQuote()
        case UInt8(ascii: "\\"):
            if i + 1 < bytes.count { word.bytes.append(bytes[i + 1]) }
            i += 2
        case UInt8(ascii: "`"):
            i += 1
            parseList(until: UInt8(ascii: "`"))
            word.markExpansion()
        default:
            readDollar(into: &word)
        }
    }

    /// `gem "rails", "~> 7"`, `["a", "b"]`: a comma right after a closing quote is how
    /// Ruby, Python and JSON list strings; a shell user never writes one.
    private mutating func noteCommaAfterQuote() {
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") { isShell = false }
    }

    private mutating func readDoubleQuoted(into word: inout ShellWordBuilder) {
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                if i + 1 < bytes.count { word.bytes.append(bytes[i + 1]) }
                i += 2
            case UInt8(ascii: "$"):
                readDollar(into: &word)
            case UInt8(ascii: "`"):
                i += 1
                parseList(until: UInt8(ascii: "`"))
                word.markExpansion()
            default:
                word.bytes.append(bytes[i])
                i += 1
            }
        }
        if i >= bytes.count { leavesQuoteOpen = true }
        i += 1
    }

    /// `$(cmd)` is read as commands; `$((…))`, `${…}` and `$NAME` only mark the word.
    private mutating func readDollar(into word: inout ShellWordBuilder) {
        word.markExpansion()
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        if next == UInt8(ascii: "("), i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: "(") {
            i = skipBalanced(from: i + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
        } else if next == UInt8(ascii: "(") {
            i += 2
            parseList(until: UInt8(ascii: ")"))
        } else if next == UInt8(ascii: "{") {
            i = skipBalanced(from: i + 1, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
        } else {
            i += 1
        }
    }

    /// The index past the bracket that closes the one at `start`.
    private func skipBalanced(from start: Int, open: UInt8, close: UInt8) -> Int {
        var depth = 0
        var j = start
        while j < bytes.count {
            if bytes[j] == open { depth += 1 }
            if bytes[j] == close {
                depth -= 1
                if depth == 0 { return j + 1 }
            }
            j += 1
        }
        return j
    }

    /// `<( )` and `>( )`, a `<placeholder>`, heredocs and redirections.
    private mutating func readAngle(into list: inout ShellCommandList) {
        let b = bytes[i]
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        if next == UInt8(ascii: "("), !list.word.started {
            list.word.start(at: i)
            i += 2
            parseList(until: UInt8(ascii: ")"))
            list.word.markExpansion()
        } else if b == UInt8(ascii: "<"), let end = placeholderEnd(from: i) {
            list.word.start(at: i)
            list.word.bytes.append(contentsOf: bytes[i..<end])
            i = end
        } else if b == UInt8(ascii: "<"), next == UInt8(ascii: "<"), i + 2 < bytes.count, bytes[i + 2] != UInt8(ascii: "<") {
            list.dropFileDescriptor()
            i += 2
            readHeredocMarker()
        } else {
            list.dropFileDescriptor()
            i += 1
            while i < bytes.count, [UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "|")].contains(bytes[i]) { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "&") {
                i += 1
                while i < bytes.count, bytes[i] == UInt8(ascii: "-") || Self.isDigit(bytes[i]) { i += 1 }
            } else {
                list.skipNextWord = true
            }
        }
    }

    /// Where `<namespace>` or `<instance label from alert>` ends: runbooks write
    /// placeholders in angle brackets far more often than a redirection from a file
    /// glued to `<`. Looks ahead a bounded distance, so a line full of `<` stays linear.
    /// `<stop|start|restart>` is one placeholder offering alternatives; with a blank too
    /// (`<in.txt|sort >out`) the `|` is a pipe after a redirection.
    private func placeholderEnd(from start: Int) -> Int? {
        guard start + 1 < bytes.count, Self.isLetter(bytes[start + 1]) else { return nil }
        var j = start + 1
        var offersAlternatives = false
        var holdsBlank = false
        while j < bytes.count, j - start < 80 {
            switch bytes[j] {
            case UInt8(ascii: ">"): return offersAlternatives && holdsBlank ? nil : j + 1
            case UInt8(ascii: "|"): offersAlternatives = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"): holdsBlank = true
            case UInt8(ascii: "<"), UInt8(ascii: ";"), UInt8(ascii: "&"): return nil
            default: break
            }
            j += 1
        }
        return nil
    }

    /// `backup-[full|incr|diff].sh`, `svc-{blue|green}`: a `|` inside a bracket the word
    /// opened, with only names up to the bracket's close, separates alternatives the
    /// reader picks from. A shell would pipe into `incr`, but no runbook means that.
    private func separatesAlternatives(in word: ShellWordBuilder) -> Bool {
        guard word.started, let close = Self.unclosedBracket(in: word.bytes) else { return false }
        var j = i + 1
        while j < bytes.count {
            let b = bytes[j]
            if b == close { return true }
            guard Self.isLetter(b) || Self.isDigit(b) || b == UInt8(ascii: "|") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            else { return false }
            j += 1
        }
        return false
    }

    /// The closer of the last `[` or `{` the bytes open and do not close.
    private static func unclosedBracket(in bytes: [UInt8]) -> UInt8? {
        var open: [UInt8] = []
        for b in bytes {
            if b == UInt8(ascii: "[") { open.append(UInt8(ascii: "]")) }
            if b == UInt8(ascii: "{") { open.append(UInt8(ascii: "}")) }
            if b == UInt8(ascii: "]") || b == UInt8(ascii: "}"), open.last == b { open.removeLast() }
        }
        return open.last
    }

    private mutating func readHeredocMarker() {
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        var marker: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: ";") || b == UInt8(ascii: "|")
                || b == UInt8(ascii: "&") || b == UInt8(ascii: ")") || b == UInt8(ascii: ">") { break }
            if b != UInt8(ascii: "'") && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { marker.append(b) }
            i += 1
        }
        if !marker.isEmpty { heredocMarkers.append(String(decoding: marker, as: UTF8.self)) }
    }

    /// `|`, `||`, `&&`, `;`, `;;`, `&` end a command; `&>` and `|&` redirect.
    private mutating func readOperator(into list: inout ShellCommandList) {
        let b = bytes[i]
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        if b == UInt8(ascii: "&"), next == UInt8(ascii: ">") {
            list.endWord()
            i += 2
            if i < bytes.count, bytes[i] == UInt8(ascii: ">") { i += 1 }
            list.skipNextWord = true
            return
        }
        list.endCommand()
        i += 1
        if i < bytes.count, bytes[i] == b || bytes[i] == UInt8(ascii: "&") { i += 1 }
    }

    /// Whether the line holds `==` or `!=` anywhere: most lines do not, and need no look
    /// at their words.
    private func hasComparisonSign() -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "="), previous == UInt8(ascii: "=") || previous == UInt8(ascii: "!") { return true }
            previous = byte
        }
        return false
    }

    /// Words that open a command where `==` and `!=` belong.
    private static let testOpeners: Set<String> = ["[", "[[", "test", "if", "while", "until", "elif", "!"]

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
}
