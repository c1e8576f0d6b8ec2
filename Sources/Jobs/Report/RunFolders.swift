import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// The project's run folders and how a report is rebuilt from one of them.
public struct RunFolders: Sendable {
    public var directory: Directory
    /// The folder that holds coldread.yaml.
    public var root: String
    public var store: RunStore
    /// Told each torn last line and each journal `allRuns` skips.
    public var warn: WarningSink

    /// The project's root is the folder that holds coldread.yaml, found from the directory's path.
    public init(directory: Directory, warn: @escaping WarningSink = StandardError.write) {
        let project = ProjectDirectory.root(of: directory)
        self.directory = directory
        self.root = project
        self.warn = warn
        store = RunStore(root: Self.path("Drills/runs", under: project))
    }

    /// A path inside the project, written without a leading `./` for readable messages.
    public static func path(_ relative: String, under root: String) -> String {
        root == "." ? relative : root + "/" + relative
    }

    public struct Loaded: Sendable {
        public var runId: String
        public var events: [JournalEvent]
        public var report: RunReport
    }

    /// Reads a run's journal (torn-line warnings go to `warn`) and folds it into a report.
    public func load(_ reference: String) throws(CommandFailure) -> Loaded {
        guard let runId = store.resolve(reference) else {
            let known = store.runIds()
            let hint = known.isEmpty ? "no runs yet under \(store.root); start one with `coldread drill`" : "see `coldread history`; latest is \(known.last!)"
            throw .input("\(store.root):1:1: error: expected a run id, a unique prefix or `latest`, found '\(reference)' (hint: \(hint))")
        }
        let events = try readEvents(runId)
        return Loaded(runId: runId, events: events, report: RunReport(events: events, runbooks: runbooksAsRun(events), directory: directory))
    }

    public func readEvents(_ runId: String) throws(CommandFailure) -> [JournalEvent] {
        let contents: JournalReader.Contents
        do {
            contents = try JournalReader.read(store.journalPath(of: runId))
        } catch {
            throw .input(error.description)
        }
        contents.warnings.forEach(warn)
        return contents.events
    }

    /// The runbooks as run, when their files still have the same bytes: then the report
    /// can list steps never reached and name rotations and break-glass paths. A changed
    /// file is not used, because its steps may no longer be the ones the reader saw.
    public func runbooksAsRun(_ events: [JournalEvent]) -> [Runbook] {
        guard let started = events.first(where: { $0.type == .started }) else { return [] }
        let refs = started.runbook.map { [$0] } ?? started.runbooks ?? []
        return refs.compactMap { ref in
            let candidates = ref.path.hasPrefix("/") ? [ref.path] : [ref.path, root + "/" + ref.path]
            for path in candidates where FileManager.default.fileExists(atPath: path) {
                if let runbook = try? RunbookLoader.load(path, options: LoaderOptions(directory: directory)), runbook.sha256 == ref.sha256 {
                    return runbook
                }
            }
            return nil
        }
    }
}

extension RunFolders {
    /// Every run's journal, oldest first. A journal that cannot be read is skipped with
    /// its error told to `warn`, so one damaged run does not hide the others. An empty one (a
    /// run killed before its first event) holds nothing to list and is skipped quietly.
    public func allRuns() -> [(runId: String, events: [JournalEvent])] {
        var runs: [(runId: String, events: [JournalEvent])] = []
        for runId in store.runIds() {
            let size = (try? FileManager.default.attributesOfItem(atPath: store.journalPath(of: runId))[.size] as? Int) ?? nil
            if size == 0 { continue }
            do {
                runs.append((runId, try readEvents(runId)))
            } catch {
                error.lines.forEach(warn)
            }
        }
        return runs
    }
}
