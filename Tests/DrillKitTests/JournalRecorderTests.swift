import DrillKit
import Foundation
import Testing

/// The recorder a dry-run and a merge write through: the drill's numbering (1, 2, 3, …
/// with no gap) however many tasks append at once, each batch kept together, and a
/// carried event keeping the stamps of the run that recorded it.
@Suite struct JournalRecorderTests {
    @Test func concurrentBatchesAreNumberedWithoutGapsAndStayTogether() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try JournalRecorder(path: folder.path + "/journal.jsonl", clock: ManualClock())
        var started = JournalEvent(seq: 0, at: "", monoMs: 0, type: .started)
        started.runId = "r"
        started.kind = .dryRun
        try await recorder.record(started)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in 0..<20 {
                group.addTask {
                    let events = (1...5).map { step -> JournalEvent in
                        var event = JournalEvent(seq: 0, at: "", monoMs: 0, type: .stepDone)
                        event.runbookId = "rb-\(batch)"
                        event.step = step
                        return event
                    }
                    try await recorder.record(contentsOf: events)
                }
            }
            try await group.waitForAll()
        }
        let events = try JournalReader.read(folder.path + "/journal.jsonl").events
        #expect(events.map(\.seq) == Array(1...101))
        let runbooks = events.dropFirst().map { $0.runbookId ?? "" }
        for start in stride(from: 0, to: 100, by: 5) {
            #expect(Set(runbooks[start..<start + 5]).count == 1, "a batch was split: \(runbooks[start..<start + 5])")
        }
        #expect(await recorder.events.map(\.seq) == events.map(\.seq))
    }

    @Test func aCarriedEventKeepsItsStampsAndTakesTheNextNumber() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let clock = ManualClock()
        let recorder = try JournalRecorder(path: folder.path + "/journal.jsonl", clock: clock)
        clock.advance(ms: 1500)
        let first = try await recorder.record(JournalEvent(seq: 0, at: "", monoMs: 0, type: .started))
        #expect(first.seq == 1 && first.monoMs == 1500)
        var other = JournalEvent(seq: 41, at: "2026-01-01T00:00:00.000Z", monoMs: 7, type: .note)
        other.text = "from a shard"
        let carried = try await recorder.carry(other)
        #expect(carried.seq == 2)
        #expect(carried.at == "2026-01-01T00:00:00.000Z" && carried.monoMs == 7)
    }
}
