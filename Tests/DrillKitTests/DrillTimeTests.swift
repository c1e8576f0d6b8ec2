@testable import DrillKit
import Foundation
import RunbookKit
import Testing

/// Time is an input: the runner stamps each action, the reducer reads no clock, and what
/// the reader was told stays on screen until they press the next key.
@Suite("Drill time and hints")
struct DrillTimeTests {
    @Test func aHintStaysThroughTicksProbeResultsAndInjectsUntilTheNextKey() {
        var store = DrillTestStore()
        store.send(.start)
        store.send(.undo)
        #expect(store.state.hint == "Nothing to undo.")
        store.send(.tick, afterMs: 1_000)
        store.send(.probeResult(ProbeResult(kind: .scope, step: 1, outcome: .held, scope: "traces:read")), afterMs: 1_000)
        store.send(.injectDue(index: 0), afterMs: 120_000)
        #expect(store.state.hint == "Nothing to undo.")
        store.send(.moveCursor(by: 1))
        #expect(store.state.hint == nil)
    }

    /// Two reducers on clocks years apart give the same state and journal for the same
    /// stamped actions: the stamps alone say when things happened.
    @Test func theSameStampedActionsGiveTheSameJournalWhateverTheClockSays() {
        let early = DrillReducer(timeline: RunTimeline(clock: ManualClock(wall: Date(timeIntervalSince1970: 0), monotonicMs: 5)))
        let late = DrillReducer(timeline: RunTimeline(clock: ManualClock(wall: Date(timeIntervalSince1970: 2_000_000_000), monotonicMs: 9_999_999)))
        let stamps = [ActionStamp(processMs: 100, wall: "2026-11-25T02:17:00.100Z"), ActionStamp(processMs: 65_100, wall: "2026-11-25T02:18:05.100Z")]
        var first = DrillState(context: DrillFixtures.context())
        var second = first
        var journals: ([DrillEffect], [DrillEffect]) = ([], [])
        for (action, stamp) in zip([DrillAction.start, .markDone], stamps) {
            journals.0 += early.reduce(&first, action, at: stamp)
            journals.1 += late.reduce(&second, action, at: stamp)
        }
        #expect(first == second)
        #expect(journals.0 == journals.1)
        #expect(first.progress.stepMs(1, now: first.nowMs) == 65_000)
        let stamped = journals.0.compactMap { if case .append(let event) = $0 { return event.at } else { return nil } }
        #expect(stamped.first == "2026-11-25T02:17:00.100Z")
    }

    @Test func scrollingIsOnlyOnTheStepScreenAndResetsOnAnotherStep() {
        var store = DrillTestStore()
        store.send(.scrollDetail(toLine: 4))
        #expect(store.state.detailScroll == 0, "nothing scrolls on the briefing")
        store.send(.start)
        store.send(.scrollDetail(toLine: 4))
        #expect(store.state.detailScroll == 4)
        store.send(.moveCursor(by: 1))
        #expect(store.state.detailScroll == 0)
    }

    @Test func rReprobesOnlyTheCurrentStep() {
        var store = DrillTestStore()
        store.send(.start)
        store.send(.moveCursor(by: 2))
        let effects = store.send(.reprobe)
        #expect(effects == [.reprobeStep(3)])
    }

    @Test func anUnknownReaderPicksWhoTheyAreOnTheBriefing() {
        var context = DrillFixtures.context(reader: "root")
        context.readerKnown = false
        var store = DrillTestStore(context: context)
        store.state.readerChoices = [.init(name: "ana", cold: true), .init(name: "ben", cold: false)]
        store.send(.chooseReader(index: 1))
        #expect(store.state.context.reader == "ben")
        #expect(store.state.context.readerKnown)
        #expect(!store.state.context.cold)
        store.send(.start)
        let started = store.events.first { $0.type == .started }
        #expect(started?.reader == "ben")
        #expect(started?.cold == false)
    }
}

/// The summary's next drill date: the cadence rules with this run counted.
@Suite("Next drill after this run")
struct DrillCadenceTests {
    let policy = CadencePolicy()

    func finishedRun(blocking: Bool) -> DrillTestStore {
        var store = DrillTestStore()
        store.send(.start)
        if blocking {
            store.send(.beginBlocked)
            store.send(.pickReason(.noPermission))
            store.send(.submitText)
        }
        for _ in 0..<4 { store.send(.markDone) }
        return store
    }

    @Test func aNotCleanRunPutsTheRunbookOnMonthly() throws {
        let store = finishedRun(blocking: true)
        let status = try #require(DrillCadence(policy: policy, earlierRuns: [], incidents: [])
            .afterRun(store.state.context, progress: store.state.progress))
        #expect(status.mode == .monthly)
        let finished = try #require(RFC3339.date(store.state.progress.finishedAt ?? ""))
        let days = status.nextDue.timeIntervalSince(finished) / 86_400
        #expect(days > 27 && days < 38)
    }

    @Test func aCleanRunAfterACleanOneBringsItBackToQuarterly() throws {
        let store = finishedRun(blocking: false)
        #expect(store.state.progress.isClean)
        let finished = try #require(RFC3339.date(store.state.progress.finishedAt ?? ""))
        let earlier = [DrillRecord(runId: "R0", runbookId: "answerbot", kind: .drill, date: finished.addingTimeInterval(-30 * 86_400), clean: false),
                       DrillRecord(runId: "R00", runbookId: "answerbot", kind: .drill, date: finished.addingTimeInterval(-20 * 86_400), clean: true)]
        let status = try #require(DrillCadence(policy: policy, earlierRuns: earlier, incidents: [])
            .afterRun(store.state.context, progress: store.state.progress))
        #expect(status.mode == .quarterly)
        #expect(status.cleanStreak == 2)
    }

    @Test func thereIsNoDateBeforeTheRunFinished() {
        var store = DrillTestStore()
        store.send(.start)
        #expect(DrillCadence(policy: policy, earlierRuns: [], incidents: []).afterRun(store.state.context, progress: store.state.progress) == nil)
    }
}
