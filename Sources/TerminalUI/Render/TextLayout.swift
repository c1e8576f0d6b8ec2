import Foundation

/// Word wrapping and clock formatting for frames.
enum TextLayout {
    /// Wraps on spaces; words longer than the width are broken. Blank lines survive.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                while word.count > width {
                    if !line.isEmpty { lines.append(line); line = "" }
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Cuts text to a width, marking the cut.
    static func clip(_ text: String, width: Int, ellipsis: String) -> String {
        guard text.count > width else { return text }
        guard width > ellipsis.count else { return String(text.prefix(width)) }
        return String(text.prefix(width - ellipsis.count)) + ellipsis
    }

    /// `MM:SS`, or `H:MM:SS` past an hour.
    static func clock(ms: Int) -> String {
        let total = max(0, ms) / 1000
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }

    /// The step body as a reader should see it: prose reflowed into paragraphs, code
    /// lines kept as they are (indented), `coldread` annotations and the list marker dropped.
    static func readableBody(_ body: String) -> String {
        var paragraphs: [String] = []
        var prose = ""
        var inComment = false, inFence = false
        func flush() {
            if !prose.isEmpty { paragraphs.append(prose) }
            prose = ""
        }
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            if line.hasPrefix("<!--") {
                inComment = !line.contains("-->")
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                paragraphs.append("  " + line)
            } else if line.isEmpty {
                flush()
            } else {
                prose += prose.isEmpty ? line : " " + line
            }
        }
        flush()
        if let first = paragraphs.first {
            if let marker = first.firstIndex(where: { $0 == "." || $0 == ")" }), !first[..<marker].isEmpty,
               first[..<marker].allSatisfy(\.isNumber) {
                paragraphs[0] = first[first.index(after: marker)...].trimmingCharacters(in: .whitespaces)
            } else if first.hasPrefix("- ") || first.hasPrefix("* ") {
                paragraphs[0] = String(first.dropFirst(2))
            }
        }
        return paragraphs.joined(separator: "\n")
    }
}
