/// Splits YAML front matter off a Markdown file. The front matter lines are replaced by
/// blank lines so that cmark-gfm's line numbers stay the file's line numbers.
struct FrontMatter {
    /// The YAML between the fences (empty when there is no front matter).
    var yaml: String
    /// The Markdown with the front matter blanked out.
    var body: String
    var present: Bool

    static func split(_ text: String, file: String, sink: ErrorSink) -> FrontMatter {
        guard text.hasPrefix("---") else { return FrontMatter(yaml: "", body: text, present: false) }
        // Walk lines only as far as the closing fence; the body after it is kept as is.
        var lines: [Substring] = []
        var index = text.startIndex
        var closeEnd: String.Index?
        while index < text.endIndex {
            let end = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<end]
            if lines.isEmpty {
                guard line.trimmingWhitespace() == "---" else { return FrontMatter(yaml: "", body: text, present: false) }
            } else if line.trimmingWhitespace() == "---" || line.trimmingWhitespace() == "..." {
                closeEnd = end
                lines.append(line)
                break
            }
            lines.append(line)
            index = end < text.endIndex ? text.index(after: end) : end
        }
        guard let closeEnd else {
            sink.add(SourceLocation(file: file, line: 1), expected: "a closing '---' for the front matter",
                     found: "end of file", hint: "front matter is YAML between two lines of ---")
            return FrontMatter(yaml: "", body: text, present: false)
        }
        let yaml = lines.dropFirst().dropLast().joined(separator: "\n")
        let blank = String(repeating: "\n", count: lines.count - 1)
        return FrontMatter(yaml: yaml, body: blank + text[closeEnd...], present: true)
    }
}
