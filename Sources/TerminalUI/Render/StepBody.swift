import Foundation

/// A step body as blocks a reader can see: paragraphs reflowed, list items kept at their
/// depth with their bullets, code blocks and tables verbatim. Built from the Markdown
/// source the loader kept, so nothing the author wrote (a nested item, a command) is
/// flattened away or lost to the pane's width.
struct StepBody: Equatable {
    enum Block: Equatable {
        /// Prose at a list depth (0 for top level, 1 under a top-level item…).
        case paragraph(level: Int, text: String)
        /// A list item: its depth, its marker as the reader sees it (`•`, `2.`), its text.
        case item(level: Int, marker: String, text: String)
        /// Lines shown as written: a fenced code block, or a table row.
        case verbatim([String])
    }

    var blocks: [Block]

    /// Parses `body`; the step's own list marker is dropped (the step list numbers it) and
    /// a first paragraph that only repeats the title is left out.
    init(_ body: String, title: String, bullet: String) {
        var scanner = StepBodyScanner(bullet: bullet)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) { scanner.read(String(line)) }
        blocks = StepBody.dropTitle(title, from: StepBody.unwrapOwnItem(scanner.finish()))
    }

    /// The title is the body's first sentence: the body goes on after it. A title cut
    /// short (`…`) leaves the whole sentence in the body, so none of it is lost.
    private static func dropTitle(_ title: String, from blocks: [Block]) -> [Block] {
        guard case .paragraph(0, let text) = blocks.first, !title.isEmpty, !title.hasSuffix("…"), text.hasPrefix(title) else { return blocks }
        // Only a whole sentence is the title: a heading "Open the dashboard" is not the
        // first sentence of "Open the dashboard and compare…", nor "Check X" of "Check Xylophones".
        let after = text.dropFirst(title.count)
        let endsSentence = { (c: Character?) in c.map { ".:!?".contains($0) } ?? true }
        guard endsSentence(title.last) || endsSentence(after.first) else { return blocks }
        let rest = String(text.dropFirst(title.count).drop { $0.isWhitespace || ".:;,".contains($0) })
        return (rest.isEmpty ? [] : [.paragraph(level: 0, text: rest)]) + blocks.dropFirst()
    }

    /// A body that is one list item (the step itself) reads as its text, with what is
    /// nested under it one level up.
    private static func unwrapOwnItem(_ blocks: [Block]) -> [Block] {
        guard case .item(0, _, let text) = blocks.first,
              !blocks.dropFirst().contains(where: { if case .item(0, _, _) = $0 { return true } else { return false } }) else { return blocks }
        return [.paragraph(level: 0, text: text)] + blocks.dropFirst().map { block in
            switch block {
            case .paragraph(let level, let text): return .paragraph(level: max(0, level - 1), text: text)
            case .item(let level, let marker, let text): return .item(level: max(0, level - 1), marker: marker, text: text)
            case .verbatim: return block
            }
        }
    }

    /// The body as pane lines at `width`: items hang under their bullet, code is set
    /// apart by a bar and broken (never reflowed) where it is wider than the pane.
    func lines(width: Int, bar: Character) -> [String] {
        var out: [String] = []
        for (index, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let level, let text):
                out += TextLayout.hanging(text, width: width, first: String(repeating: "  ", count: level))
            case .item(let level, let marker, let text):
                out += TextLayout.hanging(text, width: width, first: String(repeating: "  ", count: level) + marker + " ")
            case .verbatim(let code):
                // A blank line on each side sets the block apart from the prose around it.
                if let last = out.last, !last.isEmpty { out.append("") }
                out += code.flatMap { TextLayout.broken($0, width: width - 2).map { String(bar) + " " + $0 } }
                if index < blocks.count - 1 { out.append("") }
            }
        }
        return out
    }
}

/// Reads a body's Markdown lines one at a time into blocks.
struct StepBodyScanner {
    let bullet: String
    private(set) var blocks: [StepBody.Block] = []
    /// The open paragraph or item: its depth, marker (nil for prose) and text so far.
    private var open: (level: Int, marker: String?, text: String)?
    /// Columns of the list markers enclosing the current line, outermost first.
    private var listIndents: [Int] = []
    private var fence: (marker: String, indent: Int, lines: [String])?
    private var inComment = false
    /// True after a table row, so the next row joins the same block.
    private var inTable = false

    init(bullet: String) { self.bullet = bullet }

    mutating func read(_ raw: String) {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if skipsAnnotation(line) { return }
        if readFence(raw, line) { return }
        let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
        defer { inTable = line.hasPrefix("|") }
        if line.isEmpty {
            flush()
        } else if line.hasPrefix("|") {
            flush()
            if inTable, case .verbatim(let rows) = blocks.last {
                blocks[blocks.count - 1] = .verbatim(rows + [line])
            } else {
                blocks.append(.verbatim([line]))
            }
        } else if let (marker, text) = Self.listItem(line) {
            flush()
            while let last = listIndents.last, indent < last { listIndents.removeLast() }
            if listIndents.last != indent { listIndents.append(indent) }
            open = (listIndents.count - 1, marker.first?.isNumber == true ? marker : bullet, TextLayout.linkTextOnly(text))
        } else {
            continueProse(line, indent: indent)
        }
    }

    mutating func finish() -> [StepBody.Block] {
        if let fence { blocks.append(.verbatim(fence.lines)) }
        fence = nil
        flush()
        return blocks
    }

    /// `coldread` annotations (and a lone closer the loader left) are not for the reader.
    private mutating func skipsAnnotation(_ line: String) -> Bool {
        if inComment {
            if line.contains("-->") { inComment = false }
            return true
        }
        if line.hasPrefix("<!--") {
            inComment = !line.contains("-->")
            return true
        }
        return line == "-->"
    }

    /// Opens, fills or closes a fenced code block; true when the line belonged to one.
    private mutating func readFence(_ raw: String, _ line: String) -> Bool {
        if var open = fence {
            if line.hasPrefix(open.marker) && line.allSatisfy({ $0 == open.marker.first }) {
                blocks.append(.verbatim(open.lines))
                fence = nil
            } else {
                let cut = min(open.indent, raw.prefix { $0 == " " }.count)
                open.lines.append(String(raw.dropFirst(cut)))
                fence = open
            }
            return true
        }
        guard line.hasPrefix("```") || line.hasPrefix("~~~") else { return false }
        flush()
        fence = (String(line.prefix(3)), raw.prefix { $0 == " " }.count, [])
        return true
    }

    /// A line that is not a new block: more of the open one, or prose under the list.
    private mutating func continueProse(_ line: String, indent: Int) {
        let text = TextLayout.linkTextOnly(line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces))
        if let current = open {
            open = (current.level, current.marker, current.text + " " + text)
            return
        }
        while let last = listIndents.last, indent <= last { listIndents.removeLast() }
        open = (listIndents.count, nil, text)
    }

    private mutating func flush() {
        guard let current = open else { return }
        if let marker = current.marker {
            blocks.append(.item(level: current.level, marker: marker, text: current.text))
        } else {
            blocks.append(.paragraph(level: current.level, text: current.text))
        }
        open = nil
    }

    /// `- text`, `* text`, `+ text`, `3. text`, `3) text`: the marker and the text.
    static func listItem(_ line: String) -> (marker: String, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (String(first), String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
        }
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count < 4 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let closer = rest.first, closer == "." || closer == ")", rest.dropFirst().first == " " else { return nil }
        return (digits + ".", String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces))
    }
}
