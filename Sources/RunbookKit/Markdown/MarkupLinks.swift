import CCmark
import Foundation

/// Links a reader sees that cmark-gfm does not make link nodes of: `<a href="…">` in raw
/// HTML (rendered as a link by GitHub, Hugo and Backstage), and Hugo's `ref`/`relref`
/// shortcodes in a link's destination (`[x]({{< ref "./y.md" >}})`), which Hugo turns
/// into a link to that page but CommonMark leaves as text.
enum MarkupLinks {
    /// The `href` targets of the anchors in an HTML block or tag; none in a comment.
    static func hrefs(inHTML html: String) -> [String] {
        let text = html.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard !text.hasPrefix("<!--") else { return [] }
        var targets: [String] = []
        var rest = Substring(text)
        while let tag = rest.range(of: "<a", options: .caseInsensitive) {
            rest = rest[tag.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            if let href = attribute("href", in: rest[..<close]) { targets.append(href) }
            rest = rest[close...]
        }
        return targets
    }

    /// The pages named by `({{< ref "…" >}})` / `({{% relref "…" %}})`: the destination
    /// of a link whose text cmark-gfm has already split off.
    static func hugoReferences(inText text: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "({{") {
            rest = rest[open.upperBound...]
            let inner = rest.drop { $0 == "<" || $0 == "%" || $0 == " " }
            let name = inner.prefix { $0.isLetter }
            guard name == "ref" || name == "relref" else { continue }
            let argument = inner.dropFirst(name.count).drop { $0 == " " }
            guard let quote = argument.first, quote == "\"" || quote == "'" else { continue }
            let target = argument.dropFirst().prefix { $0 != quote }
            if !target.isEmpty { targets.append(String(target)) }
        }
        return targets
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag
        while let found = rest.range(of: name, options: .caseInsensitive) {
            let before = rest[..<found.lowerBound].last
            rest = rest[found.upperBound...].drop { $0 == " " }
            guard before == " " || before == "\t" || before == "\n", rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            guard let quote = rest.first else { return nil }
            if quote == "\"" || quote == "'" { return String(rest.dropFirst().prefix { $0 != quote }) }
            return String(rest.prefix { $0 != " " && $0 != ">" })
        }
        return nil
    }
}

extension MarkdownRunbookLoader {
    /// Every link `node` holds for the reader: a link node (inline, reference, autolink,
    /// bare URL), an HTML anchor, or a Hugo `ref` in text. Text is searched only when its
    /// bytes hold `{{`, so the common text node costs one `strstr`.
    func links(in node: MarkdownNode) -> [Link] {
        // The location is built only for a node that holds a link: this runs on every node.
        switch node.type {
        case CMARK_NODE_LINK:
            return [Link(title: node.plainText, url: node.url, location: location(of: node))]
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            guard let bytes = cmark_node_get_literal(node.pointer), strstr(bytes, "href") != nil || strstr(bytes, "HREF") != nil else { return [] }
            return MarkupLinks.hrefs(inHTML: node.literal).map { Link(title: $0, url: $0, location: location(of: node)) }
        case CMARK_NODE_TEXT:
            guard let bytes = cmark_node_get_literal(node.pointer), strstr(bytes, "({{") != nil else { return [] }
            return MarkupLinks.hugoReferences(inText: node.literal).map { Link(title: $0, url: $0, location: location(of: node)) }
        default:
            return []
        }
    }

    private func location(of node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }
}
