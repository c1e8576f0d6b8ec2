import DrillKit
import Foundation
import Synchronization
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
    /// The journals are decoded on every core (a dry-run's is megabytes of events); what
    /// each says goes to `warn` in run order, as one reader after another would say it.
    public func allRuns() -> [(runId: String, events: [JournalEvent])] {
        let runIds = store.runIds()
        let read = Mutex([JournalRead?](repeating: nil, count: runIds.count))
        DispatchQueue.concurrentPerform(iterations: runIds.count) { index in
            let journal = self.read(runIds[index])
            read.withLock { $0[index] = journal }
        }
        return zip(runIds, read.withLock { $0 }).compactMap { runId, journal in
            journal?.said.forEach(warn)
            return journal?.events.map { (runId, $0) }
        }
    }

    /// The events of run `runId`, or nil (its error told to `warn`) when the journal
    /// cannot be read; nil quietly for an empty one.
    func events(of runId: String) -> [JournalEvent]? {
        let journal = read(runId)
        journal.said.forEach(warn)
        return journal.events
    }

    /// A journal read: its events (nil when it cannot be read or is empty), and the
    /// warnings or the error line that reading it gave.
    private struct JournalRead: Sendable {
        var events: [JournalEvent]?
        var said: [String]
    }

    private func read(_ runId: String) -> JournalRead {
        let path = store.journalPath(of: runId)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { return JournalRead(events: nil, said: []) }
        do {
            let contents = try JournalReader.read(path)
            return JournalRead(events: contents.events, said: contents.warnings)
        } catch {
            return JournalRead(events: nil, said: [error.description])
        }
    }

    /// What the schedule reads: every drill's journal, and of the dry-runs, newest first,
    /// only those that are some runbook's latest. A dry-run journal is megabytes, and
    /// only the latest one of each runbook shows on the schedule; a journal that cannot
    /// be read stands for none, so an older one still shows.
    public func drillsAndLatestDryRuns() -> [[JournalEvent]] {
        var journals: [[JournalEvent]] = []
        var shown = Set<String>()
        for runId in store.runIds().reversed() {
            let started = JournalOpening.started(store.journalPath(of: runId))
            let runbooks = started?.kind == .dryRun ? (started?.runbooks ?? []).map(\.id) : nil
            if let runbooks, shown.isSuperset(of: runbooks) { continue }
            guard let events = events(of: runId) else { continue }
            journals.append(events)
            shown.formUnion(runbooks ?? [])
        }
        return journals.reversed()
    }
}
