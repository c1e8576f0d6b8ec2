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
            // A lone closer is the tail of an annotation the loader already hid.
            if line == "-->" { continue }
            if inFence {
                paragraphs.append("  " + line)
            } else if line.isEmpty {
                flush()
            } else {
                let text = linkTextOnly(line)
                prose += prose.isEmpty ? text : " " + text
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

    /// `[text](url)` reads as `text`: the link itself is listed, with its probe badge,
    /// under Links.
    static func linkTextOnly(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].range(of: "]("),
                  let end = rest[close.upperBound...].firstIndex(of: ")") else { break }
            out += rest[..<open]
            out += rest[rest.index(after: open)..<close.lowerBound]
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// The body without its first paragraph when that paragraph is the step's title.
    static func bodyAfterTitle(_ body: String, title: String) -> String {
        var paragraphs = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let stem = title.hasSuffix("…") ? String(title.dropLast()) : title
        if let first = paragraphs.first, first == title || (!stem.isEmpty && first.hasPrefix(stem)) {
            paragraphs.removeFirst()
        }
        return paragraphs.joined(separator: "\n")
    }
}
