/// What a heading says, without the attribute list that Hugo, kramdown, Pandoc and
/// MkDocs (attr_list) let an author put after it (`## Overview {#overview}`,
/// `### Restart {: .step }`): those renderers hide it, so the reader never sees it, and
/// a context section named `Overview {#overview}` is still the overview.
enum HeadingTitle {
    static func of(_ heading: MarkdownNode) -> String {
        withoutAttributes(heading.plainText.trimmingWhitespace())
    }

    /// `Title {#id .class key=value}` → `Title`; a title that only has braces in its
    /// words (`Use {} for none`) is kept whole.
    static func withoutAttributes(_ title: String) -> String {
        guard title.hasSuffix("}"), let open = title.lastIndex(of: "{") else { return title }
        let inside = title[title.index(after: open)..<title.index(before: title.endIndex)].drop { $0 == " " }
        guard let first = inside.first, "#.:-".contains(first) else { return title }
        let kept = title[..<open].trimmingWhitespace()
        return kept.isEmpty ? title : kept
    }
}
