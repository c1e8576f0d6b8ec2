import CCmark

/// A runbook's H2 section (or, for the text before the first H2, its preamble) as the
/// loader splits it into steps.
struct Section {
    var heading: String?
    var headingLine: Int
    var blocks: [MarkdownNode] = []

    /// Whether the section has what starts steps: an H3, or a list that is not a table
    /// of contents. A preamble without either is an introduction, not a step.
    var hasStepStructure: Bool {
        blocks.contains { $0.isH3 || $0.isStepList }
    }
}

/// The blocks of one step, with the title and place the reader sees for it.
struct StepGroup {
    var title: String
    var line: Int
    var column: Int
    var nodes: [MarkdownNode]
}

/// DESIGN.md's step rules, as a reader of the rendered page sees the steps: where the
/// section has H3 headings, each H3 is a step and the lists under it are its body (a
/// list of field definitions under `### Step 1` is part of step 1, not a step of its
/// own); else each item of a top-level list is a step; else the section is one step.
/// A table of contents is never a list of steps. Blocks between steps belong to the step
/// before them, and those before the first step to the first, so nothing is dropped.
enum StepGrouping {
    /// The steps of a section; `heading` titles a step that has no title of its own.
    static func groups(_ section: Section, heading: String) -> [StepGroup] {
        let blocks = section.blocks
        guard let first = blocks.first else { return [] }
        guard let firstH3 = blocks.firstIndex(where: \.isH3) else {
            return listGroups(blocks, heading: heading)
                ?? [StepGroup(title: heading, line: first.line, column: first.column, nodes: blocks)]
        }
        // A lead-in before the first H3 that holds a list of steps keeps them as steps;
        // any other lead-in (an introduction, a table of contents) opens the first H3's step.
        let leadIn = Array(blocks[..<firstH3])
        var h3Groups = headingGroups(blocks[firstH3...])
        guard let leadGroups = listGroups(leadIn, heading: heading) else {
            h3Groups[0].nodes.insert(contentsOf: leadIn, at: 0)
            return h3Groups
        }
        return leadGroups + h3Groups
    }

    /// Each item of the blocks' step lists is a step, or nil when there is no step list.
    private static func listGroups(_ blocks: [MarkdownNode], heading: String) -> [StepGroup]? {
        guard blocks.contains(where: \.isStepList) else { return nil }
        var groups: [StepGroup] = []
        var leading: [MarkdownNode] = []
        for block in blocks {
            if block.isStepList {
                for item in block.children where item.isItem {
                    groups.append(StepGroup(title: itemTitle(item, fallback: heading), line: item.line, column: item.column, nodes: [item]))
                }
            } else if groups.isEmpty {
                leading.append(block)
            } else {
                groups[groups.count - 1].nodes.append(block)
            }
        }
        groups[0].nodes.insert(contentsOf: leading, at: 0)
        return groups
    }

    /// Blocks that start with an H3: each H3 and what follows it up to the next one.
    private static func headingGroups(_ blocks: ArraySlice<MarkdownNode>) -> [StepGroup] {
        var groups: [StepGroup] = []
        for block in blocks {
            if block.isH3 {
                groups.append(StepGroup(title: HeadingTitle.of(block), line: block.line, column: block.column, nodes: []))
            } else {
                groups[groups.count - 1].nodes.append(block)
            }
        }
        return groups
    }

    /// The text of an item's first paragraph, without a task-list marker (`[ ]`, `[x]`,
    /// which GitHub renders as a checkbox), shortened to fit a line.
    static func itemTitle(_ item: MarkdownNode, fallback: String) -> String {
        guard let first = item.children.first(where: { $0.isParagraph || $0.isHeading }) else { return fallback }
        let text = withoutTaskMarker(first.plainText.trimmingWhitespace())
        guard !text.isEmpty else { return fallback }
        return text.count > 120 ? String(text.prefix(119)) + "…" : text
    }

    /// `[ ] Title`, `[x] Title` and `[X] Title` read as `Title`.
    static func withoutTaskMarker(_ text: String) -> String {
        let utf8 = Array(text.utf8.prefix(4))
        guard utf8.count == 4, utf8[0] == UInt8(ascii: "["), utf8[2] == UInt8(ascii: "]"),
              [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(utf8[1]),
              utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "\t") else { return text }
        return String(text.dropFirst(4)).trimmingWhitespace()
    }
}

extension MarkdownNode {
    var isH3: Bool { isHeading && headingLevel == 3 }

    /// A list whose items are steps: any list but a table of contents.
    var isStepList: Bool { isList && !isTableOfContents }

    /// A list whose items hold nothing but links to headings of the same page
    /// (`[Rollback](#rollback)`), nested lists of the same kind included: navigation that
    /// the rendered page shows above its sections, not something to do.
    var isTableOfContents: Bool {
        guard isList else { return false }
        let items = children
        return !items.isEmpty && items.allSatisfy { item in
            let blocks = item.children
            return blocks.contains(where: \.isParagraph) && blocks.allSatisfy { block in
                block.isList ? block.isTableOfContents : block.isParagraph && block.holdsOnlyAnchorLinks
            }
        }
    }

    /// A paragraph of in-page links and the punctuation or spaces between them.
    private var holdsOnlyAnchorLinks: Bool {
        var anchors = 0
        for inline in children {
            if inline.isLink {
                guard inline.url.hasPrefix("#") else { return false }
                anchors += 1
            } else if inline.type == CMARK_NODE_TEXT {
                guard inline.literal.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) else { return false }
            } else if !(inline.type == CMARK_NODE_SOFTBREAK || inline.type == CMARK_NODE_LINEBREAK) {
                return false
            }
        }
        return anchors > 0
    }
}
