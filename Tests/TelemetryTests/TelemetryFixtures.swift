@testable import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// Journals the telemetry tests export: ReportKitTests' mixed drill (read where it
/// lives) and small hand-made runs.
enum TelemetryFixtures {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func mixedDrill() throws -> RunReport {
        let folder = testsRoot.appendingPathComponent("ReportKitTests/Fixtures/mixed-drill").path
        let directory = try DirectoryLoader.load(folder + "/coldread.yaml")
        let runbook = try RunbookLoader.load(folder + "/agent-wrong-answers.md", options: LoaderOptions(directory: directory))
        let events = try JournalReader.read(folder + "/journal.jsonl").events
        return RunReport(events: events, runbook: runbook, directory: directory)
    }

    /// A finished dry-run over two runbooks: one link fine, one link behind a token
    /// that must never leave the machine, one scope unknown.
    static func dryRun(secretURL: String) -> RunReport {
        var events: [JournalEvent] = []
        func add(_ type: JournalEventType, at mono: Int, _ configure: (inout JournalEvent) -> Void = { _ in }) {
            var event = JournalEvent(seq: events.count + 1, at: "2026-02-17T01:17:0\(mono / 1000)Z", monoMs: mono, type: type)
            configure(&event)
            events.append(event)
        }
        add(.started, at: 0) {
            $0.runId = "20260217T011700Z-dry-run"
            $0.kind = .dryRun
            $0.runbooks = [RunbookRef(id: "a", path: "Runbooks/a.md", sha256: "aa"), RunbookRef(id: "b", path: "Runbooks/b.md", sha256: "bb")]
        }
        add(.probeResult, at: 1000) {
            $0.runbookId = "a"
            $0.step = 1
            $0.title = "Open the dashboard"
            $0.result = ProbeResult(kind: .link, step: 1, outcome: .ok, url: "https://grafana.example/d/1", statusChain: [200], ms: 12)
        }
        add(.probeResult, at: 2000) {
            $0.runbookId = "b"
            $0.step = 1
            $0.title = "Read the traces"
            $0.result = ProbeResult(kind: .link, step: 1, outcome: .notFound, url: secretURL, statusChain: [404], ms: 9)
        }
        add(.stepBlocked, at: 2000) {
            $0.runbookId = "b"
            $0.step = 1
            $0.title = "Read the traces"
            $0.reason = .deadLink
        }
        add(.probeResult, at: 3000) {
            $0.runbookId = "b"
            $0.step = 2
            $0.title = "Check access"
            $0.result = ProbeResult(kind: .scope, step: 2, outcome: .unknown, scope: "traces:read")
        }
        add(.finished, at: 4000) {
            $0.clean = false
            $0.blocked = 1
            $0.elapsedMs = 4000
        }
        return RunReport(events: events, runbooks: [])
    }
}
