import CCmark

/// Decides whether a section only says where to get help (a chat channel, a person, a
/// mailing list, a support page): the reader needs it in the briefing, as a contact, and
/// it is nothing to do, so it must not become a step that counts against the drill.
///
/// A general rule rather than a list of headings: the section must hold nothing a step
/// needs (no code, tool, declaration, numbered procedure or subsection), be short, and
/// point at people or help. Either its heading names help (`contact_sections:` words,
/// matched as whole words: "Contact Senior Tech", "Getting urgent support") and it holds
/// a `#channel`, an `@handle`, an address or a link that itself names help
/// (`…/support`, "Support portal"), or every paragraph and item of it is a short line
/// that names a channel, a handle or an address, whatever its heading. So "Language
/// support" (a link to code) and "Getting access to Sentry" (a paragraph of procedure
/// that mentions a channel) stay steps.
struct ContactRule {
    /// The configured heading words, each a phrase of lower-cased words.
    private let names: [[Substring]]

    init(names: [String]) {
        self.names = names.map(ContactRule.words)
    }

    /// At most this many paragraphs or items, and this many words: more is prose about
    /// support, not a pointer to it.
    static let maximumUnits = 8
    static let maximumWords = 120
    /// A paragraph or item of a section without a help heading is a pointer only when
    /// it is about this short ("Ask in #payments-db.").
    static let maximumPointerWords = 20

    func isContacts(_ section: Section, steps: ArraySlice<Step>) -> Bool {
        guard let heading = section.heading, steps.allSatisfy(\.declaresNothing),
              let units = units(of: section.blocks), !units.isEmpty,
              units.count <= ContactRule.maximumUnits,
              units.reduce(0, { $0 + $1.words }) <= ContactRule.maximumWords else { return false }
        if namesHelp(heading) { return units.contains { $0.mentions + $0.helpLinks > 0 } }
        return units.allSatisfy { $0.mentions > 0 && $0.words <= ContactRule.maximumPointerWords }
    }

    private func namesHelp(_ text: String) -> Bool {
        let words = ContactRule.words(text)
        return names.contains { name in
            !name.isEmpty && words.count >= name.count
                && (0...(words.count - name.count)).contains { words[$0..<($0 + name.count)].elementsEqual(name) }
        }
    }

    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    /// What one paragraph or list item holds.
    private struct Unit {
        var words = 0
        /// Channels, handles and addresses (`mailto:` and chat links included): people to ask.
        var mentions = 0
        /// Links whose address or text names help (a support page, a help desk).
        var helpLinks = 0

        static func + (a: Unit, b: Unit) -> Unit {
            Unit(words: a.words + b.words, mentions: a.mentions + b.mentions, helpLinks: a.helpLinks + b.helpLinks)
        }
    }

    /// The section's paragraphs and unordered items, or nil when it holds anything else a
    /// step is made of: code, a numbered procedure, a heading, an annotation.
    private func units(of blocks: [MarkdownNode]) -> [Unit]? {
        var found: [Unit] = []
        for block in blocks {
            switch block.type {
            case CMARK_NODE_PARAGRAPH: found.append(unit(block))
            case CMARK_NODE_LIST:
                guard cmark_node_get_list_type(block.pointer) != CMARK_ORDERED_LIST else { return nil }
                for item in block.children {
                    guard let inner = units(of: item.children) else { return nil }
                    found.append(inner.reduce(Unit(), +))
                }
            case CMARK_NODE_BLOCK_QUOTE:
                guard let inner = units(of: block.children) else { return nil }
                found += inner
            case CMARK_NODE_THEMATIC_BREAK: continue
            case CMARK_NODE_HTML_BLOCK where !Annotation.isAnnotation(block): continue
            default: return nil
            }
        }
        return found
    }

    private func unit(_ paragraph: MarkdownNode) -> Unit {
        var unit = Unit()
        paragraph.forEachDescendant { node in
            if node.isLink {
                if ContactRule.isPersonOrChannel(url: node.url) { unit.mentions += 1 }
                else if namesHelp(node.url) || namesHelp(node.plainText) { unit.helpLinks += 1 }
            } else if node.type == CMARK_NODE_TEXT || node.isCode {
                for word in node.literal.split(whereSeparator: \.isWhitespace) {
                    unit.words += 1
                    if ContactRule.isMention(word) { unit.mentions += 1 }
                }
            }
        }
        return unit
    }

    /// `#channel`, `@handle` or `name@host.domain`, as written in running text or code.
    private static func isMention(_ word: Substring) -> Bool {
        let token = word.trimmingCharacters { $0.isPunctuation && $0 != "#" && $0 != "@" }
        guard let first = token.first else { return false }
        if first == "#" || first == "@" {
            return token.dropFirst().first?.isLetter == true
        }
        guard let at = token.firstIndex(of: "@") else { return false }
        return token[token.index(after: at)...].contains(".")
    }

    /// A `mailto:` link or a link into a chat service.
    private static func isPersonOrChannel(url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("mailto:") { return true }
        guard let host = URLParts.host(of: url) else { return false }
        return ["slack.com", "teams.microsoft.com", "chat.google.com", "discord.com", "zulipchat.com"]
            .contains { host == $0 || host.hasSuffix("." + $0) }
    }
}

extension Step {
    /// Nothing in the step asks for a tool, a scope, a probe or a rollback.
    var declaresNothing: Bool {
        !isAction && !scopesDeclared && rotation == nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(_ drop: (Character) -> Bool) -> Substring {
        var text = self
        while let first = text.first, drop(first) { text = text.dropFirst() }
        while let last = text.last, drop(last) { text = text.dropLast() }
        return text
    }
}
