import CCmark
import Foundation

/// Turns a GitHub-flavoured Markdown runbook into a `Runbook`, following the step rules
/// of DESIGN.md: context sections form the briefing, sections that only say where to get
/// help are contacts, and every other section is split into steps (`StepGrouping`).
struct MarkdownRunbookLoader {
    let file: String
    let options: LoaderOptions

    /// The tools this library knows (`tools:` in coldread.yaml with the defaults); a view
    /// of `options`, so it costs nothing to ask again.
    private var tools: ShellTools { ShellTools(known: options.knownTools) }

    func load(text: String, sha256: String) throws(LoadErrors) -> Runbook {
        let sink = ErrorSink()
        let front = FrontMatter.split(text, file: file, sink: sink)
        var declarations = RunbookDeclarations()
        let yaml = FrontMatterRepeats.keepingLast(front.yaml, except: Set(RunbookDeclarations.keys))
        if front.present, let root = YAMLText.parse(yaml, file: file, lineOffset: 1, sink: sink) {
            for (key, _, value) in root.mapping(sink, expected: "front matter as a YAML mapping") ?? [] {
                _ = declarations.read(key: key, value: value, sink)  // unknown keys (Hugo's weight, …) are kept out of the way
            }
        }

        let tree = CmarkTree(markdown: front.body)
        let sourceLines = front.body.lineSlices()
        let stem = RunbookIdentity.stem(of: file)
        var runbook = Runbook(id: RunbookIdentity.defaultId(forFile: file, workspaceRoot: options.workspaceRoot), title: stem, path: file, sha256: sha256,
                              location: SourceLocation(file: file, line: 1))

        // Split the document into sections at H2 (and later H1) headings.
        var sections: [Section] = [Section(heading: nil, headingLine: 1)]
        var sawTitle = false
        for node in MarkdownNode(pointer: tree.root).children {
            if node.isHeading, node.headingLevel == 1, !sawTitle {
                sawTitle = true
                runbook.title = HeadingTitle.of(node)
                runbook.location = SourceLocation(file: file, line: node.line)
                continue
            }
            if node.isHeading, node.headingLevel <= 2 {
                sections.append(Section(heading: HeadingTitle.of(node), headingLine: node.line))
            } else {
                sections[sections.count - 1].blocks.append(node)
            }
        }

        // The annotation right under the H1 (top-level, before the first H2) is runbook-level.
        var preamble = sections.removeFirst()
        preamble.blocks.removeAll { node in
            guard let annotation = Annotation(node: node) else { return false }
            readRunbookAnnotation(annotation, into: &declarations, sink)
            return true
        }
        if !preamble.blocks.isEmpty { sections.insert(preamble, at: 0) }

        // Declared first: a front matter `title` also titles the step of a page without H2s.
        declarations.apply(to: &runbook)
        var steps: [Step] = []
        readSections(sections, into: &runbook, steps: &steps, sourceLines, sink)
        runbook.steps = steps
        try sink.throwIfAny()
        return runbook
    }

    // MARK: Sections

    /// Sorts each section into the briefing, the contacts or steps. With no H2 at all,
    /// what stands under the H1 is read like a section: a runbook of one heading and a
    /// numbered list (or a single paragraph) has steps. Before a first H2, an
    /// introduction without a step list or H3 is briefing.
    private func readSections(_ sections: [Section], into runbook: inout Runbook, steps: inout [Step],
                              _ sourceLines: [Substring], _ sink: ErrorSink) {
        let hasH2 = sections.contains { $0.heading != nil }
        let contactRule = ContactRule(names: options.contactSections)
        for section in sections {
            let heading = section.heading ?? runbook.title
            let isContext = section.heading.map { options.contextSections.contains($0.lowercased()) } ?? false
            if isContext || (section.heading == nil && hasH2 && !section.hasStepStructure && !givesCommands(section)) {
                runbook.briefing.append(briefingSection(section, heading: heading, sourceLines))
                continue
            }
            let firstNew = steps.count
            for group in StepGrouping.groups(section, heading: heading) {
                var step = Step(index: steps.count + 1, title: group.title, body: sourceText(group.nodes, sourceLines),
                                section: heading, location: SourceLocation(file: file, line: group.line, column: group.column))
                for node in group.nodes { collect(node, into: &step, sink) }
                steps.append(step)
            }
            if contactRule.isContacts(section, steps: steps[firstNew...]) {
                steps.removeSubrange(firstNew...)
                runbook.contacts.append(briefingSection(section, heading: heading, sourceLines))
            }
        }
    }

    /// Whether a section gives the reader shell commands to run: an introduction that
    /// does (`restart the workers this way:` over a block of commands) is a step to do,
    /// not something to read.
    private func givesCommands(_ section: Section) -> Bool {
        section.blocks.contains { block in
            var found = false
            block.forEachDescendant { node in
                if !found, node.isCodeBlock {
                    found = !tools.tools(inCodeBlock: node.literal, info: node.isFenced ? node.fenceInfo : nil).isEmpty
                }
            }
            return found
        }
    }

    private func briefingSection(_ section: Section, heading: String, _ sourceLines: [Substring]) -> BriefingSection {
        BriefingSection(heading: heading, text: sourceText(section.blocks, sourceLines), links: section.blocks.flatMap { links($0) })
    }

    // MARK: Step content

    private func collect(_ block: MarkdownNode, into step: inout Step, _ sink: ErrorSink) {
        block.forEachDescendant { node in
            step.links += links(in: node)
            if node.isCodeBlock {
                // A fence's code starts on the line after it; an indented block's on its own.
                let fenced = node.isFenced
                for found in tools.tools(inCodeBlock: node.literal, info: fenced ? node.fenceInfo : nil) {
                    let line = node.line + (fenced ? 1 : 0) + found.lineOffset
                    add(Tool(found.name, location: SourceLocation(file: file, line: line, column: node.column)), to: &step)
                }
            } else if node.isCode, let name = tools.tool(inInlineCode: node.literal) {
                add(Tool(name, location: SourceLocation(file: file, line: node.line, column: node.column)), to: &step)
            } else if let annotation = Annotation(node: node) {
                readStepAnnotation(annotation, into: &step, sink)
            }
        }
    }

    private func add(_ tool: Tool, to step: inout Step) {
        if !step.tools.contains(where: { $0.name == tool.name }) { step.tools.append(tool) }
    }

    private func links(_ block: MarkdownNode) -> [Link] {
        var found: [Link] = []
        block.forEachDescendant { node in found += links(in: node) }
        return found
    }

    /// The Markdown source of the nodes, with coldread annotations left out.
    private func sourceText(_ nodes: [MarkdownNode], _ lines: [Substring]) -> String {
        var hidden = Set<Int>()
        var inlineComments: [String] = []
        for node in nodes {
            node.forEachDescendant { n in
                let type = n.type
                if type == CMARK_NODE_HTML_INLINE && Annotation.isAnnotation(n) {
                    inlineComments.append(n.literal)
                } else if type == CMARK_NODE_HTML_BLOCK && Annotation.isAnnotation(n) && n.startLine > 0 {
                    // cmark-gfm reports an HTML block's end one line short inside list items, so
                    // the comment's own line count decides how far it reaches.
                    let literal = n.literal
                    let lineCount = max(1, literal.lineSlices().count - (literal.hasSuffix("\n") ? 1 : 0))
                    hidden.formUnion(n.startLine..<(n.startLine + lineCount))
                }
            }
        }
        var out: [Substring] = []
        var last = 0
        for node in nodes where node.startLine > 0 {
            let start = max(node.startLine, last + 1)
            let end = min(max(node.endLine, node.startLine), lines.count)
            guard start <= end else { continue }
            if !out.isEmpty && start > last + 1 { out.append("") }
            for i in start...end where !hidden.contains(i) { out.append(lines[i - 1]) }
            last = end
        }
        var text = out.joined(separator: "\n")
        for comment in inlineComments { text = text.replacingOccurrences(of: comment, with: "") }
        return text.trimmingWhitespace()
    }

    // MARK: Annotations

    private func readStepAnnotation(_ annotation: Annotation, into step: inout Step, _ sink: ErrorSink) {
        guard let root = annotation.yaml(file: file, sink: sink) else { return }
        var decl = StepDeclarations()
        for (key, keyLocation, value) in root.mapping(sink, expected: "a YAML mapping inside <!-- coldread … -->") ?? [] {
            if !decl.read(key: key, value: value, sink) {
                sink.add(keyLocation, expected: "one of " + StepDeclarations.keys.joined(separator: ", "), found: "'\(key)'",
                         hint: "runbook-level keys (owner, rotation, bundle, …) go in front matter or right under the H1")
            }
        }
        decl.apply(to: &step)
    }

    private func readRunbookAnnotation(_ annotation: Annotation, into decl: inout RunbookDeclarations, _ sink: ErrorSink) {
        guard let root = annotation.yaml(file: file, sink: sink) else { return }
        for (key, keyLocation, value) in root.mapping(sink, expected: "a YAML mapping inside <!-- coldread … -->") ?? [] {
            if !decl.read(key: key, value: value, sink) {
                sink.add(keyLocation, expected: "one of " + RunbookDeclarations.keys.joined(separator: ", "), found: "'\(key)'",
                         hint: "step keys (scopes, probes, …) belong in an annotation inside the step")
            }
        }
    }
}

/// A `<!-- coldread … -->` comment: YAML that declares what a step (or the runbook) needs.
struct Annotation {
    let yamlText: String
    let line: Int
    let column: Int

    /// A cheap test (no YAML, no search for the end) for places that only hide annotations.
    /// The markers are compared as UTF-8, as cmark found them: `Substring.hasPrefix` and
    /// `firstRange(of:)` compare `Character`s, which cost a twelfth of `lint`'s time on
    /// every HTML node of every runbook (perf, 1,000 generated runbooks).
    static func isAnnotation(_ node: MarkdownNode) -> Bool {
        guard node.isHTML else { return false }
        let opening = node.literal.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard opening.utf8.starts(with: "<!--".utf8) else { return false }
        return opening.dropFirst(4).drop(while: { $0 == " " || $0 == "\t" }).utf8.starts(with: "coldread".utf8)
    }

    init?(node: MarkdownNode) {
        guard node.isHTML else { return nil }
        let literal = node.literal
        let opening = literal.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard opening.utf8.starts(with: "<!--".utf8) else { return nil }
        let afterOpen = opening.dropFirst(4)
        let trimmed = afterOpen.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.utf8.starts(with: "coldread".utf8) else { return nil }
        var body = trimmed.dropFirst("coldread".count)
        if let first = body.first, !(first == " " || first == "\n" || first == "\t" || first == "\r" || first == "-") { return nil }
        // The first `-` that opens `-->`, by bytes: `firstRange(of:)`, on `Character`s or
        // on the UTF-8 view (not specialised), cost more than reading the YAML after it.
        let bytes = body.utf8
        if let close = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: "-") && bytes[$0...].starts(with: "-->".utf8) }) {
            body = body[..<close]
        }
        var line = node.line
        var column = node.column
        if let firstNewline = body.firstIndex(of: "\n"), body[..<firstNewline].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            body = body[body.index(after: firstNewline)...]
            line += 1
        } else {
            // YAML on the comment's own line: columns count from where it starts.
            column += literal.distance(from: literal.startIndex, to: body.startIndex)
        }
        self.yamlText = String(body)
        self.line = line
        self.column = column
    }

    func yaml(file: String, sink: ErrorSink) -> YAMLValue? {
        YAMLText.parse(yamlText, file: file, lineOffset: line - 1, columnOffset: max(0, column - 1), sink: sink)
    }
}
