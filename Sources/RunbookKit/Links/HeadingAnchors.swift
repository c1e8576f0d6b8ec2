import Foundation
import CCmark

/// The `#anchor`s a Markdown file offers a link, as GitHub renders it: each heading's
/// slug (lower-cased, spaces to `-`, punctuation dropped, a repeated slug numbered `-1`,
/// `-2`, …), plus explicit ids (`## Title {#id}`, `<a name="x">`, `id="x"`) that other
/// renderers (Hugo, kramdown, Middleman) and hand-written HTML add.
enum HeadingAnchors {
    static func anchors(inMarkdown text: String, file: String) -> Set<String> {
        let body = FrontMatter.split(text, file: file, sink: ErrorSink()).body
        let tree = CmarkTree(markdown: body)
        var slugs = Slugger()
        var anchors = Set<String>()
        MarkdownNode(pointer: tree.root).forEachDescendant { node in
            if node.isHeading {
                let title = node.plainText
                if let explicit = explicitId(title) { anchors.insert(explicit) }
                anchors.insert(slugs.slug(title))
            } else if node.isHTML {
                anchors.formUnion(htmlIds(node.literal))
            }
        }
        return anchors
    }

    /// GitHub's slug of a heading's text, before duplicates are numbered.
    static func slug(_ title: String) -> String {
        var out = ""
        for ch in title.trimmingWhitespace().lowercased() {
            if ch == " " { out.append("-") }
            else if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) }
        }
        return out
    }

    /// `Title {#custom-id}` at the end of a heading.
    private static func explicitId(_ title: String) -> String? {
        let trimmed = title.trimmingWhitespace()
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
        return id.isEmpty || id.contains(" ") ? nil : String(id)
    }

    /// The values of `id="…"` and `name="…"` attributes in an HTML block or tag.
    private static func htmlIds(_ html: String) -> [String] {
        var ids: [String] = []
        for attribute in ["id=", "name="] {
            var rest = Substring(html)
            while let found = rest.range(of: attribute) {
                rest = rest[found.upperBound...]
                guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
                let value = rest.dropFirst().prefix { $0 != quote }
                if !value.isEmpty { ids.append(String(value)) }
            }
        }
        return ids
    }
}

/// Numbers repeated slugs in document order, as GitHub does: `setup`, `setup-1`, `setup-2`.
struct Slugger {
    private var seen: [String: Int] = [:]

    mutating func slug(_ title: String) -> String {
        let base = HeadingAnchors.slug(title)
        guard let count = seen[base] else {
            seen[base] = 1
            return base
        }
        seen[base] = count + 1
        return "\(base)-\(count)"
    }
}
