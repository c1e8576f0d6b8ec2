/// Splits YAML front matter off a Markdown file. The front matter lines are replaced by
/// blank lines so that cmark-gfm's line numbers stay the file's line numbers.
struct FrontMatter {
    /// The YAML between the fences (empty when there is no front matter).
    var yaml: String
    /// The Markdown with the front matter blanked out.
    var body: String
    var present: Bool

    static func split(_ text: String, file: String, sink: ErrorSink) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingWhitespace() == "---", first.hasPrefix("---") else {
            return FrontMatter(yaml: "", body: text, present: false)
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let l = lines[$0].trimmingWhitespace()
            return l == "---" || l == "..."
        }) else {
            sink.add(SourceLocation(file: file, line: 1), expected: "a closing '---' for the front matter",
                     found: "end of file", hint: "front matter is YAML between two lines of ---")
            return FrontMatter(yaml: "", body: text, present: false)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        for i in 0...close { lines[i] = "" }
        return FrontMatter(yaml: yaml, body: lines.joined(separator: "\n"), present: true)
    }
}
