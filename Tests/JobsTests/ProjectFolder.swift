@testable import DrillKit
import Foundation
import Jobs
import RunbookKit
import Testing

/// A throwaway project folder for running jobs in-process: coldread.yaml, runbooks and
/// run journals written by the test. The folder is removed when the last reference goes,
/// whether the test passed, failed or threw.
final class ProjectFolder {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: String

    /// An empty folder, or one holding the bundled examples (coldread.yaml, Runbooks/).
    init(examples: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-jobs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        guard examples else { return }
        for name in ["coldread.yaml", "Runbooks"] {
            try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent(name).path, toPath: path(name))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The project's coldread.yaml, loaded as every command loads it.
    func directory() throws -> Directory {
        try ProjectDirectory.load(config: path("coldread.yaml"))
    }

    /// A finished one-step run, written by the drill's own journal writer, for the
    /// schedule and reports: clean, or with its step blocked as unclear.
    func addRun(_ runId: String, kind: RunKind = .drill, runbook: String = "agent-wrong-answers", at: String, clean: Bool) throws {
        let writer = try JournalWriter(path: path("Drills/runs/\(runId)/journal.jsonl"))
        func event(_ seq: Int, _ type: JournalEventType, monoMs: Int = 0) -> JournalEvent {
            var event = JournalEvent(seq: seq, at: at, monoMs: monoMs, type: type)
            if type != .started && type != .finished { (event.step, event.title) = (1, "One") }
            return event
        }
        var started = event(1, .started)
        (started.runId, started.kind, started.reader, started.cold, started.budgetMs) = (runId, kind, "ben", true, 600_000)
        started.runbook = RunbookRef(id: runbook, path: "Runbooks/\(runbook).md", sha256: "0")
        var marked = event(3, clean ? .stepDone : .stepBlocked, monoMs: 60_000)
        if !clean { (marked.reason, marked.note) = (.unclear, "which cluster?") }
        var finished = event(4, .finished, monoMs: 61_000)
        (finished.clean, finished.blocked, finished.elapsedMs) = (clean, clean ? 0 : 1, 61_000)
        for line in [started, event(2, .stepShown), marked, finished] { try writer.append(line) }
    }
}

/// The failure a job threw, for asserting its exit code and its one line.
func failure(of body: () async throws -> Void) async -> CommandFailure? {
    do {
        try await body()
        return nil
    } catch let failure as CommandFailure {
        return failure
    } catch {
        Issue.record("expected a CommandFailure, got \(error)")
        return nil
    }
}
