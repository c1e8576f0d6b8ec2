import Foundation
import RunbookKit

/// `coldread scenario new RUNBOOK [--output FILE]`: loads the runbook and drafts its
/// scenario (`ScenarioDraft`). The runbook is named relative to the output file's folder,
/// as scenarios name their runbooks (printed drafts: relative to `Drills/`); an existing
/// file is never overwritten.
public struct ScenarioDraftJob: Sendable {
    public var runbookPath: String
    public var outputPath: String?
    public var directory: Directory

    public init(runbookPath: String, outputPath: String? = nil, directory: Directory) {
        self.runbookPath = runbookPath
        self.outputPath = outputPath
        self.directory = directory
    }

    /// The draft's YAML; written to `outputPath` too when one is given.
    public func run() throws(CommandFailure) -> String {
        let runbook: Runbook
        do {
            runbook = try RunbookLoader.load(runbookPath, options: LoaderOptions(directory: directory, recordsSHA256: false))
        } catch {
            throw .input(error)
        }
        guard let outputPath else {
            // Printed drafts are meant for Drills/ beside coldread.yaml, where scenarios live.
            let drills = ProjectDirectory.root(of: directory) + "/Drills"
            return ScenarioDraft.yaml(for: runbook, runbookReference: Self.reference(to: runbookPath, from: drills))
        }
        try OutputFile.check(outputPath)
        if FileManager.default.fileExists(atPath: outputPath) {
            throw .input("\(outputPath):1:1: error: expected a new file, found one that exists (hint: remove it or name another --output)")
        }
        let folder = URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        let yaml = ScenarioDraft.yaml(for: runbook, runbookReference: Self.reference(to: runbookPath, from: folder))
        try OutputFile.write(yaml, to: outputPath)
        return yaml
    }

    /// `path` relative to `folder` (both made absolute first), `../` where needed.
    static func reference(to path: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let shared = zip(target, base).prefix { $0 == $1 }.count
        let up = Array(repeating: "..", count: base.count - shared)
        return (up + target.dropFirst(shared)).joined(separator: "/")
    }
}
