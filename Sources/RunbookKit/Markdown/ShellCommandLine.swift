/// One command as typed: a line of a code block joined with the lines it continues onto
/// (a trailing `\`, `|`, `&&` or `||`), read into simple commands. It remembers where
/// each of its lines starts, so a tool found on a continuation line keeps that line.
struct ShellCommandLine {
    let syntax: ShellSyntax
    /// 0-based line in the block where the command starts.
    let firstLine: Int
    /// Words on the line, as the shell reads them (a bare `yarn` counts one; redirection
    /// targets and operators do not count).
    var wordCount: Int { syntax.commands.reduce(0) { $0 + $1.count } }
    private let lineStarts: [(offset: Int, line: Int)]

    /// Reads the command starting at `lines[start]` (with its prompt already taken off as
    /// `text`), taking continuation lines from `lines`: after a trailing `\`, `|` or `&&`,
    /// and while a quote stays open, when it closes within the block (a stray quote is a
    /// typo, not a string that swallows the block). Returns it and the next line to read.
    static func read(_ text: Substring, at start: Int, in lines: [Substring], afterPrompts: Bool) -> (ShellCommandLine, Int) {
        let piece = text.withoutTrailingBlanks
        let alone = ShellSyntax(piece)
        if (!continues(piece) && !alone.leavesQuoteOpen) || start + 1 >= lines.count {
            // One line, the common case: read in place, with no joined copy.
            return (ShellCommandLine(syntax: alone, firstLine: start, lineStarts: []), start + 1)
        }
        if let joined = join(piece, at: start, in: lines, afterPrompts: afterPrompts, quotes: true) { return joined }
        if continues(piece), let joined = join(piece, at: start, in: lines, afterPrompts: afterPrompts, quotes: false) { return joined }
        return (ShellCommandLine(syntax: alone, firstLine: start, lineStarts: []), start + 1)
    }

    /// `first` joined with the lines it continues onto; nil when `quotes` is set and a
    /// quote is still open at the end of the block.
    private static func join(_ first: Substring, at start: Int, in lines: [Substring], afterPrompts: Bool,
                             quotes: Bool) -> (ShellCommandLine, Int)? {
        var piece = first
        var joined = ""
        var starts: [(offset: Int, line: Int)] = []
        var index = start
        var quote: UInt8?
        while true {
            starts.append((joined.utf8.count, index))
            index += 1
            let escapedNewline = piece.utf8.last == UInt8(ascii: "\\")
            joined += escapedNewline ? piece.dropLast() : piece
            if quotes { quote = openQuote(after: piece, from: quote) }
            let open = quote != nil
            if open && index >= lines.count { return nil }
            guard open || continues(piece), index < lines.count else { break }
            joined += " "
            var next = lines[index].withoutLeadingBlanks
            if afterPrompts, next.utf8.starts(with: "> ".utf8) { next = next.dropFirst(2) }  // the shell's continuation prompt
            piece = next.withoutTrailingBlanks
        }
        return (ShellCommandLine(syntax: ShellSyntax(Substring(joined)), firstLine: start, lineStarts: starts), index)
    }

    /// The quote still open after `piece` when `quote` was open before it: each line is
    /// scanned once, so a long run of continuation lines stays linear.
    private static func openQuote(after piece: Substring, from start: UInt8?) -> UInt8? {
        var quote = start
        var escaped = false
        var previous = UInt8(ascii: " ")
        for byte in piece.utf8 {
            defer { previous = byte }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") {
                escaped = true
            } else if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
                return nil  // a comment runs to the end of the line
            }
        }
        return quote
    }

    /// The 0-based block line a word at `offset` of the joined command sits on.
    func line(ofOffset offset: Int) -> Int {
        lineStarts.last { $0.offset <= offset }?.line ?? firstLine
    }

    /// The programs the command runs, in order, with the block line each is on: a
    /// wrapper that is a program of its own (`watch`, `xargs`) comes before the one it runs.
    var programs: [(word: ShellWord, line: Int)] {
        syntax.commands.flatMap { words in CommandWord.programs(of: words).map { ($0, line(ofOffset: $0.offset)) } }
    }

    /// The program of the first simple command, if any.
    var firstProgram: ShellWord? { syntax.commands.first.flatMap(CommandWord.program) }

    /// Whether the shell reads on into the next line: after a `\`, a `|` or a `&&`.
    private static func continues(_ piece: Substring) -> Bool {
        let last = piece.utf8.last
        return last == UInt8(ascii: "\\") || last == UInt8(ascii: "|") || piece.utf8.suffix(2).elementsEqual("&&".utf8)
    }

}
