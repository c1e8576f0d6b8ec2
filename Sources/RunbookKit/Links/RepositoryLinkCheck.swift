import Foundation
import Synchronization

/// Checks the links a reader follows inside the runbook's repository (`../x.md`,
/// `x.md#anchor`, `#anchor`) without the network: the file must exist, and a `#anchor`
/// into a Markdown file must name one of its headings. Site-relative links
/// (`/manual/x.html`) without a `docs_base_url` are reported `unchecked`, never passed.
/// One check per run: each Markdown file's anchors are read once, however many links
/// point into it.
public final class RepositoryLinkCheck: Sendable {
    private let anchorsByFile = Mutex<[String: Set<String>]>([:])

    public init() {}

    /// The result for `link` of `step`, or nil when it is a web link (probed over HTTP) or
    /// a scheme nothing can open for the reader (`mailto:`).
    public func check(_ link: Link, step: Int) -> ProbeResult? {
        let place = "\(link.location.file):\(link.location.line)"
        switch LinkReference(link.url) {
        case .web, .other:
            return nil
        case .siteRelative:
            return ProbeResult(kind: .link, step: step, outcome: .unchecked, url: link.url,
                               reason: "\(place): a site-relative link, not checked (hint: set docs_base_url in coldread.yaml)")
        case .inPage(let anchor):
            return anchorResult(anchor, in: link.location.file, link: link, step: step, place: place)
        case .repository(let path, let anchor):
            let target = Self.join(directoryOf: link.location.file, path)
            guard let found = Self.pageSource(target) else {
                // `[x]: [https://…]` is a reference whose address keeps its brackets: the
                // rendered page links to a file of that name, so it is broken, but say why.
                let bracketed = link.url.hasPrefix("[") && link.url.hasSuffix("]")
                return ProbeResult(kind: .link, step: step, outcome: .notFound, url: link.url, path: target,
                                   reason: bracketed ? "\(place): the address \(link.url) keeps its brackets, so the page links to a file of that name (hint: remove the [ ] around the address)"
                                       : "\(place): no file \(target) in the repository")
            }
            if let anchor, Self.isMarkdown(found) {
                return anchorResult(anchor, in: found, link: link, step: step, place: place)
            }
            return ProbeResult(kind: .link, step: step, outcome: .ok, url: link.url, path: found)
        }
    }

    private func anchorResult(_ anchor: String, in file: String, link: Link, step: Int, place: String) -> ProbeResult {
        let anchors = self.anchors(of: file)
        if anchors.contains(anchor) || anchors.contains(anchor.lowercased()) {
            return ProbeResult(kind: .link, step: step, outcome: .ok, url: link.url, path: file)
        }
        return ProbeResult(kind: .link, step: step, outcome: .notFound, url: link.url, path: file,
                           reason: "\(place): no heading for #\(anchor) in \(file)")
    }

    private func anchors(of file: String) -> Set<String> {
        if let known = anchorsByFile.withLock({ $0[file] }) { return known }
        let text = (try? SourceText.read(file).text) ?? ""
        let anchors = HeadingAnchors.anchors(inMarkdown: text, file: file)
        anchorsByFile.withLock { $0[file] = anchors }
        return anchors
    }

    /// The file a link to `target` opens: the file or folder itself, or the Markdown a
    /// static site renders as that page (`x.html` and `x/` from `x.md`, `x.html` from
    /// `x.html.md` or `x.html.md.erb`, a folder from its README or index).
    static func pageSource(_ target: String) -> String? {
        var candidates = [target]
        let bare = target.hasSuffix("/") ? String(target.dropLast()) : target
        candidates += ["", ".md", ".markdown", ".md.erb"].map { bare + $0 }
        if bare.hasSuffix(".html") { candidates += [".md", ".markdown"].map { bare.dropLast(5) + $0 } }
        candidates += ["README.md", "readme.md", "index.md", "_index.md"].map { bare + "/" + $0 }
        return candidates.first { !$0.isEmpty && FileManager.default.fileExists(atPath: $0) }
    }

    static func isMarkdown(_ file: String) -> Bool {
        let lower = file.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".md.erb")
    }

    /// `path` relative to the folder of `file`, with `.` and `..` folded away as text, so a
    /// relative runbook path gives a relative, readable target.
    static func join(directoryOf file: String, _ path: String) -> String {
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var parts: [Substring] = []
        for part in Array(folder) + path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".": continue
            case "" where !parts.isEmpty: continue
            case "..":
                if let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.isEmpty ? "." : parts.joined(separator: "/")
        return path.hasSuffix("/") && !joined.hasSuffix("/") ? joined + "/" : joined
    }
}
