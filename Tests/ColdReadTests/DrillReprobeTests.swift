import DrillKit
import Foundation
import Jobs
import ProviderServers
import Synchronization
import TerminalUI
import Testing

/// `r` asks the world again for the step on screen, through the probe API's per-step
/// re-probe: a one-step runbook (where a re-probe used to be guessed from a count and
/// served cached answers) shows the loopback server's new answer.
@Suite struct DrillReprobeTests {
    @Test func aOneStepRunbookShowsTheServersNewAnswerAfterR() async throws {
        let status = Mutex(200)
        let server = try await ProviderServer.start { _ in .json("{}", status: status.withLock { $0 }) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-drill-r-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
        try "members: {ben: {}}\n".write(toFile: dir + "/coldread.yaml", atomically: true, encoding: .utf8)
        try """
            # Dashboards
            ## Steps
            1. Open the [status dashboard](\(server.baseURL)/status).
            """.write(toFile: dir + "/Runbooks/one.md", atomically: true, encoding: .utf8)
        let setup = try await DrillSetup.prepare(DrillOptions(runbookPath: dir + "/Runbooks/one.md", reader: "ben",
                                                              config: dir + "/coldread.yaml", offline: true))
        let inbox = ActionInbox()
        let world = DrillWorld(setup: setup, inbox: inbox)
        var drill = OneStepDrill(setup: setup, world: world, inbox: inbox)
        try await drill.press(.enter) { $0.contains("✓ ok") }
        let asked = server.requests.count
        status.withLock { $0 = 404 }
        let after = try await drill.press(.character("r")) { $0.contains("✗ not found") }
        #expect(after.contains("✗ not found") && !after.contains("✓ ok"))
        #expect(server.requests.count > asked, "r asked the server again, not a cache")
        await world.shutdown()
        await server.stop()
    }
}

/// Keys through the key map and reducer, effects to the world, results back from the
/// inbox, until the step's pane says what the test waits for.
private struct OneStepDrill {
    let setup: DrillSetup
    let world: DrillWorld
    let inbox: ActionInbox
    lazy var state = setup.state

    @discardableResult
    mutating func press(_ key: Key, until shows: (String) -> Bool) async throws -> String {
        let reducer = DrillReducer(timeline: setup.timeline)
        let action = try #require(KeyMap.action(for: key, in: state))
        for effect in reducer.reduce(&state, action, at: setup.timeline.stamp()) {
            switch effect {
            case .startProbes(let steps): world.startProbes(steps: steps, of: state)
            case .reprobeStep(let step): world.reprobe(step: step, of: state)
            default: break
            }
        }
        let deadline = Date().addingTimeInterval(15)
        var row = ""
        while Date() < deadline {
            for action in inbox.drain() { _ = reducer.reduce(&state, action, at: setup.timeline.stamp()) }
            row = render(state, size: TerminalSize(width: 100, height: 30)).rows.joined(separator: "\n")
            if shows(row) { return row }
            try await Task.sleep(for: .milliseconds(20))
        }
        return row
    }
}
