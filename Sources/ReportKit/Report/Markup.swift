/// Escaping for HTML and XML output: the HTML report, its SVG timeline and both JUnit
/// files share this one escaper. Everything that came from a runbook, a scenario, a note
/// or a probe goes through here, so it is shown as text and never acts as markup.
enum Markup {
    /// Escapes text for element content and quoted attribute values, and drops characters
    /// XML 1.0 forbids (control characters other than tab and newline).
    static func escape(_ text: String) -> String { xml(text) }

    private static let xml = ScalarEscaping(
        replacements: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\r": "&#13;"],
        forbids: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0xFFFE...0xFFFF).contains($0.value) })

    /// Escapes text, then shows `backticked` words as code (remedies name scopes and tools
    /// that way). Backticks are not markup-sensitive, so this cannot reopen a tag.
    static func escapeWithCode(_ text: String) -> String {
        let parts = escape(text).split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return escape(text) }
        return parts.enumerated().map { i, part in i % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
    }
}
