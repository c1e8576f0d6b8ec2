/// Front matter a static site renders although a key is written twice: Jekyll and Hugo
/// take the last value of a key they are not given twice on purpose (a `layout:` left
/// behind by a migration). The reader does the same for the keys ColdRead does not read;
/// a key it reads (`id`, `owner`, …) written twice stays one located error, because which
/// value is meant is not the reader's to guess.
enum FrontMatterRepeats {
    /// The YAML with every earlier entry of a repeated top-level key that is not in
    /// `read` blanked out, line for line, so that error lines stay the file's lines.
    static func keepingLast(_ yaml: String, except read: Set<String>) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let entries = topLevelEntries(lines)
        var lastOfKey: [Substring: Int] = [:]
        for (index, entry) in entries.enumerated() { lastOfKey[entry.key] = index }
        guard lastOfKey.count < entries.count else { return yaml }
        for (index, entry) in entries.enumerated() where lastOfKey[entry.key] != index && !read.contains(String(entry.key)) {
            for line in entry.lines { lines[line] = "" }
        }
        return lines.joined(separator: "\n")
    }

    /// Each `key:` at the start of a line, with the lines its value runs over (indented
    /// lines, a `- ` sequence at the key's column, comments and blank lines). Any other
    /// line at the start (`"id": x`, `og.image: y`) ends the entry before it untouched.
    private static func topLevelEntries(_ lines: [Substring]) -> [(key: Substring, lines: Range<Int>)] {
        var entries: [(key: Substring, lines: Range<Int>)] = []
        var open = false
        for (index, line) in lines.enumerated() {
            if let key = plainKey(line) {
                entries.append((key, index..<(index + 1)))
                open = true
            } else if open, let last = entries.last, continuesEntry(line) {
                entries[entries.count - 1].lines = last.lines.lowerBound..<(index + 1)
            } else {
                open = false
            }
        }
        return entries
    }

    private static func continuesEntry(_ line: Substring) -> Bool {
        guard let first = line.first else { return true }
        return first == " " || first == "\t" || first == "-" || first == "#"
    }

    /// `layout: docs` or `menu:` opens an entry; `  parent: x`, `- item` and `# note` do not.
    private static func plainKey(_ line: Substring) -> Substring? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let key = line[..<colon]
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), key.first != "-" else { return nil }
        let after = line[line.index(after: colon)...]
        return after.isEmpty || after.first == " " || after.first == "\t" ? key : nil
    }
}
