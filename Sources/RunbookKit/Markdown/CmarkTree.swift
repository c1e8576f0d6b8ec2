import CCmark
import Synchronization

/// A parsed GitHub-flavoured Markdown document. Owns the cmark-gfm tree and frees it.
/// Parsing always goes through cmark-gfm with the autolink extension, so links,
/// code and HTML comments are what a real renderer (GitHub, Hugo) would see.
final class CmarkTree {
    let root: OpaquePointer

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    init(markdown: String) {
        _ = Self.registered
        var text = markdown
        // The whole parse, extensions attached included, takes its turn (CmarkParsing).
        let document = CmarkParsing.exclusively { () -> UInt in
            let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
            defer { cmark_parser_free(parser) }
            for name in ["autolink", "table", "strikethrough"] {
                if let extensionSyntax = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, extensionSyntax)
                }
            }
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            // The pointer crosses the lock as a number: OpaquePointer is not Sendable.
            return UInt(bitPattern: cmark_parser_finish(parser))
        }
        root = OpaquePointer(bitPattern: document)!
    }

    deinit { cmark_node_free(root) }
}

/// cmark-gfm keeps the extensions' inline trigger characters (autolink's `:` and `w`,
/// strikethrough's `~`, the table's `|`) in one process-wide table that every parse adds
/// to when it starts its inlines and removes from when it ends. Two parses at once can
/// therefore lose each other's bare-URL links, so every parse in the process takes its
/// turn here: the loader's, and any other code's that drives cmark-gfm itself (a test's
/// independent link count). Loading still runs in parallel around the parses.
public enum CmarkParsing {
    private static let turn = Mutex(())

    public static func exclusively<T: Sendable>(_ parse: () -> T) -> T {
        turn.withLock { _ in parse() }
    }
}

/// Read-only helpers over a cmark node pointer.
struct MarkdownNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var isHeading: Bool { type == CMARK_NODE_HEADING }
    var isList: Bool { type == CMARK_NODE_LIST }
    var isItem: Bool { type == CMARK_NODE_ITEM }
    var isLink: Bool { type == CMARK_NODE_LINK }
    var isCodeBlock: Bool { type == CMARK_NODE_CODE_BLOCK }
    var isCode: Bool { type == CMARK_NODE_CODE }
    var isHTML: Bool { type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE }
    var isParagraph: Bool { type == CMARK_NODE_PARAGRAPH }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
    }

    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The start line, or the nearest ancestor's: nodes made by the autolink extension report 0.
    var line: Int {
        var node: OpaquePointer? = pointer
        while let n = node {
            let l = Int(cmark_node_get_start_line(n))
            if l > 0 { return l }
            node = cmark_node_parent(n)
        }
        return 1
    }

    /// Column when cmark knows it for this node itself, else 1.
    var column: Int {
        Int(cmark_node_get_start_line(pointer)) > 0 ? max(1, startColumn) : 1
    }

    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    var children: [MarkdownNode] {
        var out: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let c = child {
            out.append(MarkdownNode(pointer: c))
            child = cmark_node_next(c)
        }
        return out
    }

    /// Calls `visit` with every node in this subtree, this node first, in document order.
    /// The walk hands nodes over as it meets them: the loader walks every step's subtree
    /// several times, and collecting each walk into an array first was a cost of its own.
    func forEachDescendant(_ visit: (MarkdownNode) -> Void) {
        let iter = cmark_iter_new(pointer)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) {
                visit(MarkdownNode(pointer: node))
            }
        }
    }

    /// The visible text of the subtree (text, code and line breaks), as a reader sees it.
    var plainText: String {
        var text = ""
        forEachDescendant { node in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}
