import Foundation

/// The runbook files a command was pointed at, and what a folder walk passed over, so
/// the command can say so once instead of loading (and failing) every YAML file there.
public struct RunbookFiles: Sendable, Equatable {
    /// What a walk of one folder that was given passed over: YAML files without
    /// `steps:`, and Markdown pages with nothing under their front matter (a static
    /// site's section index, `_index.md`).
    public struct Skipped: Sendable, Equatable {
        public var folder: String
        public var yamlWithoutSteps: Int
        public var emptyPages: Int
    }

    public var files: [String] = []
    public var skipped: [Skipped] = []

    public init(files: [String] = [], skipped: [Skipped] = []) {
        self.files = files
        self.skipped = skipped
    }

    /// One line for stderr, or nil when nothing was skipped:
    /// `skipped 12 YAML files without steps: under docs/`.
    public var skippedNote: String? {
        guard !skipped.isEmpty else { return nil }
        let yaml = skipped.reduce(0) { $0 + $1.yamlWithoutSteps }
        let pages = skipped.reduce(0) { $0 + $1.emptyPages }
        var what: [String] = []
        var hints: [String] = []
        if yaml > 0 {
            what.append("\(yaml) YAML file\(yaml == 1 ? "" : "s") without steps")
            hints.append("a YAML runbook has a top-level steps: list")
        }
        if pages > 0 {
            what.append("\(pages) Markdown page\(pages == 1 ? "" : "s") with nothing under the front matter")
            hints.append("a section index is not a runbook")
        }
        let folders = skipped.map { $0.folder + "/" }.joined(separator: ", ")
        return "coldread: skipped \(what.joined(separator: " and ")): under \(folders)"
            + " (hint: \(hints.joined(separator: "; ")); name a file to load it anyway)"
    }
}

/// Tells a static site's section index (a Hugo or Docsy `_index.md`: front matter for the
/// site generator and nothing under it) from a runbook, without loading it. Only small
/// files are read: a page with a body of any length is a runbook to load. An empty file,
/// or front matter that declares anything a runbook declares (`owner`, `rotation`, …,
/// `title` aside, which every site generator uses too), is a runbook with no steps yet,
/// and lint says so.
enum EmptyPageSniffer {
    /// The largest file read to tell: a section index is a few lines of front matter.
    static let largest = 4096

    static func isEmpty(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: largest + 1) ?? Data()  // nil: the file is empty
        } catch {
            return false  // unreadable: the loader names the file and why
        }
        guard data.count <= largest else { return false }
        var text = LineEndings.normalized(String(decoding: data, as: UTF8.self))
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let sink = ErrorSink()
        let front = FrontMatter.split(text, file: path, sink: sink)
        // An unclosed front matter is the loader's to report, with its line.
        guard front.present, sink.errors.isEmpty, front.body.allSatisfy(\.isWhitespace) else { return false }
        guard let root = YAMLText.parse(front.yaml, file: path, lineOffset: 1, sink: sink),
              let keys = root.mapping(sink, expected: "front matter as a YAML mapping")?.map(\.0), sink.errors.isEmpty else { return false }
        return !keys.contains { $0 != "title" && RunbookDeclarations.keys.contains($0) }
    }
}

/// Tells a YAML runbook from other YAML (manifests, workflows, configs) without parsing:
/// a runbook has `steps:` at the top level, that is, at the start of a line.
enum YAMLRunbookSniffer {
    static func hasSteps(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = LineEndings.normalized(String(decoding: data, as: UTF8.self))
        return text.lineSlices().contains { line in
            for key in ["steps", "\"steps\"", "'steps'"] where line.hasPrefix(key) {
                if line.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == ":" { return true }
            }
            return false
        }
    }
}
