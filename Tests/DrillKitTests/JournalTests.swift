import DrillKit
import Foundation
import RunbookKit
import Testing

@Suite("Journal")
struct JournalTests {
    /// A drill with every kind of event: probes, outcomes, notes, undo, injects, a pause.
    func eventfulDrill() -> DrillTestStore {
        var store = DrillTestStore()
        store.send(.start, afterMs: 4_000)
        store.send(.probeResult(ProbeResult(kind: .link, step: 1, outcome: .ssoWall, url: "https://traces.example/answerbot",
                                            statusChain: [302, 200], finalURL: "https://sso.example/saml?SAMLRequest=x", ms: 120)), afterMs: 300)
        store.send(.probeResult(ProbeResult(kind: .scope, step: 2, outcome: .notHeld, scope: "prompt-logs:read", missingMembers: ["ben"])))
        store.send(.beginBlocked, afterMs: 20_000)
        store.send(.pickReason(.ssoWall))
        store.send(.typeText("okta"))
        store.send(.submitText, afterMs: 1_000)
        store.send(.beginNote)
        store.send(.typeText("asked nobody"))
        store.send(.submitText, afterMs: 500)
        store.send(.markDone, afterMs: 9_000)
        store.send(.undo, afterMs: 100)
        store.send(.injectDue(index: 0), afterMs: 90_000)
        store.send(.moveCursor(by: 1), afterMs: 100)
        store.send(.markSkipped, afterMs: 2_000)
        store.send(.pauseAndQuit, afterMs: 1_000)
        var resumed = DrillTestStore(resuming: store.events)
        resumed.send(.start, afterMs: 7_000)
        resumed.send(.markDone, afterMs: 3_000)
        resumed.send(.markDone, afterMs: 3_000)
        resumed.send(.markDone, afterMs: 3_000)
        return resumed
    }

    @Test func replayingAnyPrefixGivesTheLiveStateAtThatPoint() {
        var live = DrillTestStore()
        live.send(.start, afterMs: 1_000)
        live.send(.markDone, afterMs: 5_000)
        live.send(.beginBlocked)
        live.send(.pickReason(.toolMissing))
        live.send(.submitText, afterMs: 5_000)
        live.send(.beginNote)
        live.send(.typeText("x"))
        live.send(.submitText)
        live.send(.undo)
        live.send(.undo)
        live.send(.injectDue(index: 0), afterMs: 200_000)
        live.send(.probeResult(ProbeResult(kind: .tool, step: 3, outcome: .missing, tool: "promptctl")))
        live.send(.moveCursor(by: 1))
        live.send(.markDone)
        live.send(.markSkipped)
        #expect(live.checkpoints.count > 10)
        for checkpoint in live.checkpoints {
            let replayed = DrillProgress.replay(Array(live.events.prefix(checkpoint.eventCount)), stepCount: 4)
            #expect(replayed == checkpoint.progress, "after \(checkpoint.eventCount) events")
        }
    }

    @Test func replayingTheWrittenFileGivesTheFinalState() throws {
        let store = eventfulDrill()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let writer = try JournalWriter(path: path)
        for event in store.events { try writer.append(event) }
        let contents = try JournalReader.read(path)
        #expect(contents.warnings.isEmpty)
        #expect(contents.events == store.events)
        #expect(DrillProgress.replay(contents.events, stepCount: 4) == store.state.progress)
        #expect(store.state.progress.phase == .finished)
    }

    @Test func linesAreSortedSnakeCaseJSONObjects() throws {
        let store = eventfulDrill()
        let started = JournalWriter.line(for: store.events[0])
        #expect(started.hasPrefix("{\"at\":\""))
        for field in ["\"mono_ms\":4000", "\"run_id\":\"R1\"", "\"type\":\"started\"", "\"version\":1", "\"seq\":1",
                      "\"kind\":\"drill\"", "\"cold\":true", "\"budget_ms\":600000", "\"reader\":\"ben\""] {
            #expect(started.contains(field), "\(field) in \(started)")
        }
        let keys = try #require(JSONSerialization.jsonObject(with: Data(started.utf8)) as? [String: Any]).keys.sorted()
        let order = ["\"at\"", "\"budget_ms\"", "\"cold\"", "\"kind\"", "\"mono_ms\"", "\"reader\"", "\"run_id\"", "\"runbook\"", "\"scenario\"", "\"seq\"", "\"type\"", "\"version\""]
        #expect(keys.map { "\"\($0)\"" } == order)
        let positions = order.compactMap { started.range(of: $0 + ":")?.lowerBound }
        #expect(positions == positions.sorted())
        let blocked = try #require(store.events.first { $0.type == .stepBlocked })
        #expect(JournalWriter.line(for: blocked).contains("\"reason\":\"sso_wall\""))
        #expect(!JournalWriter.line(for: blocked).contains("\n"))
    }

    @Test func aTornLastLineIsSkippedWithAWarningAndCutBeforeTheNextAppend() throws {
        let store = eventfulDrill()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let writer = try JournalWriter(path: path)
        for event in store.events.prefix(6) { try writer.append(event) }
        let torn = JournalWriter.line(for: store.events[6]).prefix(25)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(torn.utf8))
        try handle.close()

        let contents = try JournalReader.read(path)
        #expect(contents.events == Array(store.events.prefix(6)))
        #expect(contents.warnings.count == 1)
        #expect(contents.warnings[0].contains("journal.jsonl:7:1: warning: skipped a torn last line"))

        let reopened = try JournalWriter(path: path)
        try reopened.append(store.events[6])
        let repaired = try JournalReader.read(path)
        #expect(repaired.warnings.isEmpty)
        #expect(repaired.events == Array(store.events.prefix(7)))
    }

    @Test func noCredentialEverReachesTheJournal() throws {
        var store = DrillTestStore()
        store.send(.start)
        store.send(.probeResult(ProbeResult(
            kind: .link, step: 1, outcome: .unauthorized,
            url: "https://ben:hunter2@traces.example/answerbot?window=1h&access_token=sekr3t-token",
            statusChain: [401], finalURL: "https://traces.example/login?api_key=AKIA-SECRET&next=%2F#frag", ms: 10,
            wwwAuthenticate: "Bearer")))
        let lines = store.events.map(JournalWriter.line(for:)).joined(separator: "\n")
        for secret in ["hunter2", "sekr3t-token", "AKIA-SECRET"] { #expect(!lines.contains(secret)) }
        #expect(lines.contains("https://REDACTED@traces.example/answerbot?window=1h&access_token=REDACTED"))
        #expect(lines.contains("https://traces.example/login?api_key=REDACTED&next=%2F#frag"))
    }

    @Test func runIdsSortByTime() {
        let early = RunId.make(at: Date(timeIntervalSince1970: 1_795_573_020), runbookId: "agent-wrong-answers", suffix: "ab12")
        #expect(early == "20261125T021700Z-agent-wrong-answers-ab12")
        let later = RunId.make(at: Date(timeIntervalSince1970: 1_795_573_021), runbookId: "a", suffix: "0000")
        #expect(early < later)
    }

    @Test func anUnfinishedRunOfTheSameRunbookAndScenarioIsFound() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = RunStore(root: folder.path)
        var paused = DrillTestStore()
        paused.send(.start)
        paused.send(.markDone)
        paused.send(.pauseAndQuit)
        let writer = try JournalWriter(path: store.journalPath(of: "20261125T021700Z-answerbot-0001"))
        for event in paused.events { try writer.append(event) }
        let finished = eventfulDrill()
        let other = try JournalWriter(path: store.journalPath(of: "20261125T031700Z-answerbot-0002"))
        for event in finished.events { try other.append(event) }

        let drills = DrillJournals(store: store)
        let found = try #require(UnfinishedRun.latest(among: drills, runbookId: "answerbot", scenarioId: "wrong-answers"))
        #expect(found.runId == "20261125T021700Z-answerbot-0001")
        #expect(UnfinishedRun.latest(among: drills, runbookId: "answerbot", scenarioId: "other") == nil)
        // Ids are paths now; the journal still names the runbook by its old stem id.
        let byPath = UnfinishedRun.latest(among: drills, runbookId: "Runbooks/answerbot", runbookPath: "Runbooks/answerbot.md", scenarioId: "wrong-answers")
        #expect(byPath?.runId == "20261125T021700Z-answerbot-0001")
        #expect(UnfinishedRun.latest(among: drills, runbookId: "Runbooks/answerbot", scenarioId: "wrong-answers") == nil)
    }
}
