@testable import DrillKit
import RunbookKit
import Testing

/// The latest dry-run per runbook: rot found when a step was blocked or the runbook did
/// not load; drills are not dry-runs and are ignored.
@Suite struct DryRunHealthTests {
    func event(_ seq: Int, _ type: JournalEventType, at: String, _ edit: (inout JournalEvent) -> Void = { _ in }) -> JournalEvent {
        var e = JournalEvent(seq: seq, at: at, monoMs: seq * 10, type: type)
        edit(&e)
        return e
    }

    func dryRun(_ runId: String, at: String, runbooks: [String], blocked: [(String, Int)] = [], loadFailed: [String] = []) -> [JournalEvent] {
        var events = [event(1, .started, at: at) {
            $0.kind = .dryRun
            $0.runId = runId
            $0.runbooks = runbooks.map { RunbookRef(id: $0, path: "Runbooks/\($0).md", sha256: "") }
        }]
        for id in loadFailed {
            events.append(event(events.count + 1, .note, at: at) { $0.runbookId = id; $0.text = "does not load: x.md:1:1: error" })
        }
        for (id, step) in blocked {
            events.append(event(events.count + 1, .stepBlocked, at: at) { $0.runbookId = id; $0.step = step; $0.reason = .deadLink })
        }
        events.append(event(events.count + 1, .finished, at: at) { $0.clean = blocked.isEmpty && loadFailed.isEmpty; $0.blocked = blocked.count })
        return events
    }

    @Test func theLatestDryRunDecidesAndDrillsAreIgnored() {
        let drill = [event(1, .started, at: "2026-11-24T02:17:00Z") {
            $0.kind = .drill
            $0.runbook = RunbookRef(id: "a", path: "Runbooks/a.md", sha256: "")
            $0.runbooks = [RunbookRef(id: "a", path: "Runbooks/a.md", sha256: "")]
        }]
        let older = dryRun("d1", at: "2026-11-20T03:17:00Z", runbooks: ["a", "b"], blocked: [("a", 2), ("a", 2), ("a", 3)])
        let newer = dryRun("d2", at: "2026-11-21T03:17:00Z", runbooks: ["b", "c"], blocked: [("b", 1)], loadFailed: ["c"])
        let health = DryRunHealth.latest(from: [newer, drill, older])
        #expect(health["a"]?.runId == "d1")
        #expect(health["a"]?.blockedSteps == 2)
        #expect(health["a"]?.rotFound == true)
        #expect(health["b"]?.runId == "d2")
        #expect(health["b"]?.blockedSteps == 1)
        #expect(health["c"]?.loadFailed == true && health["c"]?.rotFound == true)
        let clean = dryRun("d3", at: "2026-11-22T03:17:00Z", runbooks: ["a"])
        #expect(DryRunHealth.latest(from: [older, clean])["a"]?.rotFound == false)
    }
}
