/// Escaping for HTML and XML output: the HTML report, its SVG timeline and both JUnit
/// files share this one escaper. Everything that came from a runbook, a scenario, a note
/// or a probe goes through here, so it is shown as text and never acts as markup.
enum Markup {
    /// Escapes text for element content and quoted attribute values, and drops characters
    /// XML 1.0 forbids (control characters other than tab and newline).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes text, then shows `backticked` words as code (remedies name scopes and tools
    /// that way). Backticks are not markup-sensitive, so this cannot reopen a tag.
    static func escapeWithCode(_ text: String) -> String {
        let parts = escape(text).split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return escape(text) }
        return parts.enumerated().map { i, part in i % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
    }
}
