import Foundation

/// Word wrapping and clock formatting for frames.
public enum TextLayout {
    /// Wraps on spaces; words longer than the room are broken. Each line of `text` is
    /// wrapped on its own, so blank lines survive. The first line of each starts with
    /// `first` spaces, the lines it wraps onto with `indent` spaces. The one word-wrap of
    /// every terminal screen (the drill, its summary, the review).
    public static func wrap(_ text: String, width: Int, first: Int = 0, indent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [String] in
            paragraph.isEmpty ? [""] : wrapParagraph(paragraph, width: width, first: first, indent: indent)
        }
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, first: Int, indent: Int) -> [String] {
        var lines: [String] = []
        var current = String(repeating: " ", count: first)
        var lineHasWord = false
        for rawWord in paragraph.split(separator: " ") {
            var word = rawWord
            if word.count <= width - current.count - (lineHasWord ? 1 : 0) {
                current += (lineHasWord ? " " : "") + word
                lineHasWord = true
                continue
            }
            if lineHasWord {
                lines.append(current)
                current = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            while current.count + word.count > width {
                let take = max(1, width - current.count)
                lines.append(current + word.prefix(take))
                word = word.dropFirst(take)
                current = String(repeating: " ", count: indent)
            }
            if !word.isEmpty {
                current += word
                lineHasWord = true
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Wraps with a hanging indent: the first line starts with `first` (an indent, a
    /// bullet, a badge's room), the others with as many spaces, so a list item or an
    /// explanation reads as one block.
    static func hanging(_ text: String, width: Int, first: String) -> [String] {
        guard width - first.count >= 8 else { return wrap(first + text, width: width) }
        let lines = wrap(text.replacingOccurrences(of: "\n", with: " "), width: width, first: first.count, indent: first.count)
        return [first + lines[0].dropFirst(first.count)] + lines.dropFirst()
    }

    /// Breaks a line every `width` characters, keeping its spaces: code and URLs are
    /// shown as written, never reflowed.
    static func broken(_ line: String, width: Int) -> [String] {
        guard width > 0, line.count > width else { return [line] }
        var pieces: [String] = []
        var rest = Substring(line)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        return pieces
    }

    /// Cuts text to a width, marking the cut.
    public static func clip(_ text: String, width: Int, ellipsis: String) -> String {
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
}
