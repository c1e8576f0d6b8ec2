@testable import DrillKit
import Foundation
import ReportKit
import RunbookKit
import Testing

/// Fixtures and golden files live beside the tests (read through #filePath, so an
/// `UPDATE_GOLDEN=1` run can rewrite them in the source tree).
enum ReportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func path(_ relative: String) -> String { folder + "/" + relative }

    static func events(_ relative: String) throws -> [JournalEvent] {
        try JournalReader.read(path(relative)).events
    }

    static func mixedDrill() throws -> RunReport {
        let directory = try DirectoryLoader.load(path("mixed-drill/coldread.yaml"))
        let runbook = try RunbookLoader.load(path("mixed-drill/agent-wrong-answers.md"), options: LoaderOptions(directory: directory))
        return RunReport(events: try events("mixed-drill/journal.jsonl"), runbook: runbook, directory: directory)
    }

    /// Compares with a golden file, or rewrites it when `UPDATE_GOLDEN=1`.
    static func expectGolden(_ actual: String, _ relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let file = path(relative)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: file))
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: file), "missing golden \(relative); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        #expect(actual == String(decoding: expected, as: UTF8.self), "differs from \(relative); run with UPDATE_GOLDEN=1 to accept", sourceLocation: sourceLocation)
    }
}

/// Builds journal events tersely for hand-made journals.
struct JournalScript {
    private(set) var events: [JournalEvent] = []

    mutating func add(_ type: JournalEventType, at mono: Int, _ configure: (inout JournalEvent) -> Void = { _ in }) {
        var event = JournalEvent(seq: events.count + 1, at: "2026-02-17T01:17:00Z", monoMs: mono, type: type)
        configure(&event)
        events.append(event)
    }

    mutating func start(kind: RunKind = .drill, runbook: String = "rb", budgetMs: Int? = nil) {
        add(.started, at: 0) {
            $0.runId = "run-1"
            $0.kind = kind
            $0.runbook = RunbookRef(id: runbook, path: "Runbooks/\(runbook).md", sha256: "00")
            $0.reader = "ana"
            $0.cold = true
            $0.budgetMs = budgetMs
        }
    }

    mutating func step(_ type: JournalEventType, _ index: Int, at mono: Int, reason: BlockedReason? = nil, note: String? = nil) {
        add(type, at: mono) {
            $0.step = index
            $0.title = "Step \(index)"
            $0.reason = reason
            $0.note = note
        }
    }
}
