import DrillKit
import Foundation
import Testing
import TerminalUI

/// Keys through the real runner: `r` asks the services for one step again, and PgDn
/// scrolls the pane of a step longer than the screen.
@Suite("Drill runner keys")
struct RunnerKeyTests {
    func run(_ keys: [Key], size: TerminalSize = TerminalSize(width: 80, height: 24)) throws -> (RecordingServices, DrillRunOutcome) {
        let folder = NSTemporaryDirectory() + "coldread-runner-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var context = try FrameScenes.context()
        context.runFolder = folder
        let screen = ScriptedScreen(keys: keys)
        screen.size = size
        let services = RecordingServices()
        let runner = DrillRunner(state: DrillState(context: context), reducer: DrillReducer(timeline: RunTimeline(clock: ManualClock())),
                                 screen: screen, inbox: ActionInbox(), services: services)
        return (services, try runner.run())
    }

    @Test func rReprobesTheStepOnScreenOnly() throws {
        let (services, _) = try run([.enter, .down, .down, .character("r"), .character("q")])
        #expect(services.probed == [[1, 2, 3, 4]])
        #expect(services.reprobed == [3])
    }

    @Test func pgDnScrollsTheStepPaneAndPgUpComesBack() throws {
        let (_, down) = try run([.enter, .down, .down, .pageDown, .character("q")])
        #expect(down.state.detailScroll > 0)
        let (_, back) = try run([.enter, .down, .down, .pageDown, .pageUp, .character("q")])
        #expect(back.state.detailScroll == 0)
        let (_, wheel) = try run([.enter, .down, .down, .wheelDown, .character("q")])
        #expect(wheel.state.detailScroll == 3)
    }
}
