import DrillKit
import Foundation
import RunbookKit
import Testing
import TerminalUI

/// A screen that replays keys and checks each frame as it is drawn.
final class ScriptedScreen: Screen {
    var size = TerminalSize(width: 80, height: 24)
    let glyphs = Glyphs.unicode
    var keys: [Key]
    var frames: [Frame] = []
    var onDraw: (Frame) -> Void = { _ in }

    init(keys: [Key]) { self.keys = keys }

    func draw(_ frame: Frame) {
        frames.append(frame)
        onDraw(frame)
    }

    func readKey(timeoutMs: Int) -> Key? { keys.isEmpty ? .character("q") : keys.removeFirst() }
    func end() {}
}

/// Records effects the runner hands out.
final class RecordingServices: DrillServices {
    var probed: [[Int]] = []
    var reprobed: [Int] = []
    var reports = 0
    func startProbes(steps: [Int], of state: DrillState) { probed.append(steps) }
    func reprobe(step: Int, of state: DrillState) { reprobed.append(step) }
    func writeReport(_ state: DrillState) throws { reports += 1 }
}

@Suite("Drill runner")
struct RunnerTests {
    @Test func everyEventIsOnDiskBeforeTheFrameThatShowsIt() throws {
        let folder = NSTemporaryDirectory() + "coldread-runner-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var context = try FrameScenes.context()
        context.runFolder = folder
        let clock = ManualClock()
        let keys: [Key] = [.enter, .character("d"), .character("b"), .character("3"), .character("x"), .enter,
                           .character("n"), .character("h"), .enter, .character("u"), .character("s"),
                           .character("d"), .character("d"), .character("d"), .character("z")]
        let screen = ScriptedScreen(keys: keys)
        let services = RecordingServices()
        let inbox = ActionInbox()
        let runner = DrillRunner(state: DrillState(context: context), reducer: DrillReducer(timeline: RunTimeline(clock: clock)),
                                 screen: screen, inbox: inbox, services: services)
        var checked = 0
        var posted = false
        screen.onDraw = { [unowned runner] _ in
            clock.advance(ms: 1_500)
            guard runner.state.progress.phase != .notStarted else { return }
            if !posted {
                // A probe result arriving from the background while the reader works.
                inbox.post(.probeResult(ProbeResult(kind: .tool, step: 3, outcome: .missing, tool: "promptctl")))
                posted = true
            }
            let onDisk = (try? JournalReader.read(context.journalPath).events) ?? []
            #expect(DrillProgress.replay(onDisk, stepCount: 4) == runner.state.progress,
                    "the frame may show only what the journal already holds")
            checked += 1
        }
        let outcome = try runner.run()
        #expect(outcome.exit == .finished(clean: false), "step 2 stays blocked: u undid the note")
        #expect(checked >= 10)
        #expect(services.reports == 1)
        #expect(services.probed == [[1, 2, 3, 4]])
        let journal = try JournalReader.read(context.journalPath).events
        #expect(journal.map(\.type).contains(.probeResult))
        #expect(journal.last?.type == .finished)
        #expect(journal.map(\.seq) == Array(1...journal.count))
    }

    @Test func aStopSignalPausesAndRecordsIt() throws {
        let folder = NSTemporaryDirectory() + "coldread-runner-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var context = try FrameScenes.context()
        context.runFolder = folder
        let screen = ScriptedScreen(keys: [.enter, .character("d"), .interrupt])
        let runner = DrillRunner(state: DrillState(context: context), reducer: DrillReducer(timeline: RunTimeline(clock: ManualClock())),
                                 screen: screen, inbox: ActionInbox(), services: RecordingServices())
        let outcome = try runner.run()
        #expect(outcome.exit == .paused)
        #expect(try JournalReader.read(context.journalPath).events.last?.type == .paused)
    }

    @Test func injectTimersFireOnElapsedDrillTime() throws {
        let folder = NSTemporaryDirectory() + "coldread-runner-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var context = try FrameScenes.context()
        context.runFolder = folder
        let clock = ManualClock()
        let screen = ScriptedScreen(keys: [.enter])
        let runner = DrillRunner(state: DrillState(context: context), reducer: DrillReducer(timeline: RunTimeline(clock: clock)),
                                 screen: screen, inbox: ActionInbox(), services: RecordingServices())
        try runner.step(key: .enter)
        clock.advance(ms: 599_000)
        try runner.step(key: nil)
        #expect(runner.state.banner == nil)
        clock.advance(ms: 1_000)
        try runner.step(key: nil)
        #expect(runner.state.banner == "Support lead: three enterprise customers have opened P1 tickets.")
        #expect(screen.frames.last?.rows[1].contains("INJECT") == true)
    }
}
