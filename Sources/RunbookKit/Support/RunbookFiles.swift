import Foundation

/// The runbook files a command was pointed at, and what a folder walk passed over, so
/// the command can say so once instead of loading (and failing) every YAML file there.
public struct RunbookFiles: Sendable, Equatable {
    /// YAML files without `steps:` under one folder that was given.
    public struct Skipped: Sendable, Equatable {
        public var folder: String
        public var count: Int
    }

    public var files: [String] = []
    public var skippedYAML: [Skipped] = []

    public init(files: [String] = [], skippedYAML: [Skipped] = []) {
        self.files = files
        self.skippedYAML = skippedYAML
    }

    /// One line for stderr, or nil when nothing was skipped:
    /// `skipped 12 YAML files without steps: under docs/`.
    public var skippedNote: String? {
        guard !skippedYAML.isEmpty else { return nil }
        let count = skippedYAML.reduce(0) { $0 + $1.count }
        let folders = skippedYAML.map { $0.folder + "/" }.joined(separator: ", ")
        return "coldread: skipped \(count) YAML file\(count == 1 ? "" : "s") without steps: under \(folders)"
            + " (hint: a YAML runbook has a top-level steps: list; name a file to load it anyway)"
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
