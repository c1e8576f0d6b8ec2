@testable import DrillKit
import RunbookKit
import Testing

@Suite("Drill reducer")
struct DrillReducerTests {
    /// A store past the briefing, on step 1.
    func started() -> DrillTestStore {
        var store = DrillTestStore()
        store.send(.start, afterMs: 5_000)
        return store
    }

    @Test func enterStartsTheTimerRecordsTheReadAndStartsProbes() throws {
        var store = DrillTestStore()
        #expect(store.state.mode == .briefing)
        let effects = store.send(.start, afterMs: 5_000)
        #expect(store.appended(effects) == [.started, .stepShown])
        #expect(effects.contains(.startProbes(steps: [1, 2, 3, 4])))
        #expect(effects.contains(.armInjectTimer(index: 0, atElapsedMs: 120_000)))
        let started = try #require(store.events.first)
        #expect(started.runId == "R1")
        #expect(started.kind == .drill)
        #expect(started.reader == "ben")
        #expect(started.cold == true)
        #expect(started.budgetMs == 600_000)
        #expect(started.scenario?.id == "wrong-answers")
        #expect(started.runbook == RunbookRef(id: "answerbot", path: "Runbooks/answerbot.md", sha256: "abc123"))
        #expect(store.state.mode == .steps)
        #expect(store.state.progress.cursor == 1)
        #expect(store.state.elapsedMs == 0)
    }

    @Test func doneRecordsTheStepTimeAndMovesOn() {
        var store = started()
        let effects = store.send(.markDone, afterMs: 42_000)
        #expect(store.appended(effects) == [.stepDone, .stepShown])
        #expect(store.events.first { $0.type == .stepDone }?.title == "Check the traces")
        #expect(store.state.progress.steps[0].outcome == .done)
        #expect(store.state.progress.stepMs(1, now: store.state.nowMs) == 42_000)
        #expect(store.state.progress.cursor == 2)
    }

    @Test func blockedTakesAReasonAndAnOptionalNote() throws {
        var store = started()
        store.send(.beginBlocked)
        #expect(store.state.mode == .reasonPicker(highlighted: 0))
        store.send(.pickerMove(by: 1))
        store.send(.pickerMove(by: 1))
        #expect(store.state.mode == .reasonPicker(highlighted: 2))
        store.send(.pickReason(.ssoWall))
        #expect(store.state.mode == .blockedNote(.ssoWall, text: ""))
        store.send(.typeText("okta loop"))
        store.send(.deleteBackward)
        store.send(.typeText("p"))
        let effects = store.send(.submitText, afterMs: 30_000)
        #expect(store.appended(effects) == [.stepBlocked, .stepShown])
        let blocked = try #require(store.events.first { $0.type == .stepBlocked })
        #expect(blocked.reason == .ssoWall)
        #expect(blocked.note == "okta loop")
        #expect(store.state.progress.steps[0].outcome == .blocked(.ssoWall, note: "okta loop"))
        #expect(store.state.progress.blockedSteps == [1])
    }

    @Test func enterAloneSkipsTheBlockedNote() throws {
        var store = started()
        store.send(.beginBlocked)
        store.send(.pickerMove(by: 1))
        store.send(.pickHighlightedReason)
        store.send(.submitText)
        let blocked = try #require(store.events.first { $0.type == .stepBlocked })
        #expect(blocked.reason == .noPermission)
        #expect(blocked.note == nil)
    }

    @Test func escapeLeavesThePickerWithoutRecording() {
        var store = started()
        store.send(.beginBlocked)
        let effects = store.send(.cancel)
        #expect(effects.isEmpty)
        #expect(store.state.mode == .steps)
        #expect(store.state.progress.steps[0].outcome == .pending)
    }

    @Test func skipRecordsASkip() {
        var store = started()
        let effects = store.send(.markSkipped, afterMs: 1_000)
        #expect(store.appended(effects) == [.stepSkipped, .stepShown])
        #expect(store.state.progress.steps[0].outcome == .skipped)
        #expect(store.state.progress.isClean)
    }

    @Test func undoRevertsTheLastOutcomeAndShowsItsStep() throws {
        var store = started()
        store.send(.markDone, afterMs: 1_000)
        #expect(store.state.progress.cursor == 2)
        let effects = store.send(.undo)
        #expect(store.appended(effects) == [.undone, .stepShown])
        let doneSeq = try #require(store.events.first { $0.type == .stepDone }?.seq)
        #expect(store.events.first { $0.type == .undone }?.undoes == doneSeq)
        #expect(store.state.progress.steps[0].outcome == .pending)
        #expect(store.state.progress.cursor == 1)
        #expect(store.appended(store.send(.undo)) == [])
        #expect(store.state.hint == "Nothing to undo.")
    }

    @Test func notesAttachToTheShownStepAndCanBeUndone() {
        var store = started()
        store.send(.beginNote)
        store.send(.typeText("who owns traces?"))
        let effects = store.send(.submitText)
        #expect(store.appended(effects) == [.note])
        #expect(store.state.progress.notes.map(\.text) == ["who owns traces?"])
        #expect(store.state.progress.notes.first?.step == 1)
        store.send(.beginNote)
        #expect(store.appended(store.send(.submitText)) == [], "an empty note is dropped")
        store.send(.undo)
        #expect(store.state.progress.notes.isEmpty)
    }

    @Test func injectAtATimeFiresOnceWhenItsTimerIsDue() {
        var store = started()
        let effects = store.send(.injectDue(index: 0), afterMs: 120_000)
        #expect(store.appended(effects) == [.injectShown])
        #expect(store.state.banner == "Support lead: P1 tickets.")
        #expect(store.appended(store.send(.injectDue(index: 0))) == [])
    }

    @Test func injectAtAStepFiresWhenTheStepIsFirstShown() {
        var store = started()
        store.send(.markDone)
        let effects = store.send(.markDone)
        #expect(store.appended(effects) == [.stepDone, .stepShown, .injectShown])
        #expect(store.state.banner == "The PM is not answering.")
        store.send(.moveCursor(by: -1))
        #expect(store.appended(store.send(.moveCursor(by: 1))) == [.stepShown])
    }

    @Test func pausedTimeIsNotCounted() {
        var store = started()
        store.send(.tick, afterMs: 60_000)
        let pause = store.send(.pauseAndQuit)
        #expect(store.appended(pause) == [.paused])
        #expect(pause.contains(.exit(.paused)))
        store.send(.tick, afterMs: 600_000)
        #expect(store.state.elapsedMs == 60_000, "the clock stops while paused")

        var resumed = DrillTestStore(resuming: store.events)
        #expect(resumed.state.mode == .briefing)
        #expect(resumed.state.elapsedMs == 60_000)
        let effects = resumed.send(.start, afterMs: 30_000)
        #expect(resumed.appended(effects) == [.resumed, .stepShown])
        #expect(effects.contains(.startProbes(steps: [1, 2, 3, 4])))
        #expect(effects.contains(.armInjectTimer(index: 0, atElapsedMs: 120_000)))
        resumed.send(.markDone, afterMs: 30_000)
        #expect(resumed.state.elapsedMs == 90_000)
        #expect(resumed.state.progress.stepMs(1, now: resumed.state.nowMs) == 90_000)
        #expect(resumed.state.progress.pauses == [PauseSpan(startMs: 65_000, endMs: 95_000)])
    }

    @Test func finishingEveryStepCleanWritesTheReport() throws {
        var store = started()
        for _ in 1...3 { store.send(.markDone, afterMs: 10_000) }
        let effects = store.send(.markSkipped, afterMs: 10_000)
        #expect(store.appended(effects) == [.stepSkipped, .finished])
        #expect(effects.contains(.writeReport))
        #expect(store.state.mode == .summary)
        let finished = try #require(store.events.last)
        #expect(finished.clean == true)
        #expect(finished.blocked == 0)
        #expect(finished.elapsedMs == 40_000)
        #expect(store.send(.dismissSummary).contains(.exit(.finished(clean: true))))
    }

    @Test func finishingWithABlockedStepIsNotClean() throws {
        var store = started()
        store.send(.markDone, afterMs: 1_000)
        store.send(.beginBlocked)
        store.send(.pickReason(.noPermission))
        store.send(.submitText, afterMs: 1_000)
        store.send(.markDone, afterMs: 1_000)
        store.send(.markDone, afterMs: 1_000)
        let finished = try #require(store.events.last)
        #expect(finished.type == .finished)
        #expect(finished.clean == false)
        #expect(finished.blocked == 1)
        #expect(store.send(.dismissSummary).contains(.exit(.finished(clean: false))))
    }

    @Test func overBudgetTimeIsTheElapsedPastTheBudget() {
        var store = started()
        store.send(.tick, afterMs: 700_000)
        #expect(store.state.overBudgetMs == 100_000)
    }

    @Test func aReaderFromTheOwnerTeamIsNotCold() throws {
        #expect(DrillContext.isCold(reader: "eve", owner: "ai-platform", groupsOfReader: ["ai-platform"]) == false)
        #expect(DrillContext.isCold(reader: "ben", owner: "ai-platform", groupsOfReader: ["sre"]) == true)
        var store = DrillTestStore(context: DrillFixtures.context(reader: "eve", cold: false))
        store.send(.start)
        #expect(try #require(store.events.first).cold == false)
        #expect(store.state.progress.cold == false)
    }

    @Test func aStepWithAnOutcomeIsNotMarkedTwice() {
        var store = started()
        store.send(.markDone)
        store.send(.moveCursor(by: -1))
        #expect(store.appended(store.send(.markDone)) == [])
        #expect(store.state.hint?.contains("undo") == true)
    }

    @Test func quitOnTheBriefingRecordsNothing() {
        var store = DrillTestStore()
        let effects = store.send(.pauseAndQuit)
        #expect(effects == [.exit(.quitBeforeStart)])
    }

    @Test func acceptingTheResumeOfferContinuesThatRunsTimeline() throws {
        var first = started()
        first.send(.markDone, afterMs: 20_000)
        first.send(.pauseAndQuit, afterMs: 1_000)
        let offered = DrillProgress.replay(first.events, stepCount: 4)
        var context = DrillFixtures.context()
        context.runId = "R0"
        var store = DrillTestStore()
        store.state.resumeOffer = DrillState.ResumeOffer(context: context, progress: offered)
        #expect(store.send(.start).isEmpty)
        #expect(store.state.hint != nil)
        let effects = store.send(.acceptResumeOffer, afterMs: 3_000)
        #expect(store.appended(effects).first == .resumed)
        #expect(store.state.context.runId == "R0")
        let resumed = try #require(store.events.first)
        #expect(resumed.seq == first.events.count + 1)
        #expect(resumed.monoMs == first.events.last!.monoMs, "time while no process ran does not count")
        #expect(store.state.elapsedMs == 21_000 - 0)
    }
}
