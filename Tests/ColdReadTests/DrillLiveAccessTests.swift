import DrillKit
import Foundation
import Jobs
import ProviderServers
import RunbookKit
import TerminalUI
import Testing

/// The drill asks the same live access sources lint and dry-run ask, before the timer
/// starts: PagerDuty and SCIM served on loopback (the provider tests' servers), where
/// PagerDuty puts ana and ben on call and SCIM's group `sre` holds only ana, though
/// coldread.yaml lists ben in it too.
@Suite struct DrillLiveAccessTests {
    static let pdToken = LoopbackProviders.pdToken
    static let tokens = LoopbackProviders.tokens

    /// A project whose one step needs `grafana:read`, granted to the group `sre`.
    static func project(pd: String, scim: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-drill-live-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
        try LoopbackProviders.directory(pd: pd, scim: scim).write(toFile: dir + "/coldread.yaml", atomically: true, encoding: .utf8)
        try LoopbackProviders.dashRunbook.write(toFile: dir + "/Runbooks/dash.md", atomically: true, encoding: .utf8)
        return dir
    }

    /// Starts the drill, probes its one step as the reader, and renders it once the
    /// scope's answer has arrived.
    static func stepFrame(_ setup: DrillSetup) async throws -> String {
        let inbox = ActionInbox()
        let world = DrillWorld(setup: setup, inbox: inbox)
        let reducer = DrillReducer(timeline: setup.timeline)
        var state = setup.state
        _ = reducer.reduce(&state, .start, at: setup.timeline.stamp())
        world.startProbes(steps: [1], of: state)
        let deadline = Date().addingTimeInterval(20)
        while state.progress.results(forStep: 1).isEmpty, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            for action in inbox.drain() { _ = reducer.reduce(&state, action, at: setup.timeline.stamp()) }
        }
        await world.shutdown()
        return render(state, size: TerminalSize(width: 80, height: 24)).rows.joined(separator: "\n")
    }

    func withProject(_ body: (String, ProviderServer, ProviderServer) async throws -> Void) async throws {
        let (pd, scim) = try await LoopbackProviders.start()
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)
        do {
            try await body(dir, pd, scim)
        } catch {
            await pd.stop(); await scim.stop()
            try? FileManager.default.removeItem(atPath: dir)
            throw error
        }
        await pd.stop(); await scim.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func options(_ dir: String, reader: String?, offline: Bool = false) -> DrillOptions {
        DrillOptions(runbookPath: dir + "/Runbooks/dash.md", reader: reader, config: dir + "/coldread.yaml", offline: offline)
    }

    @Test func aReaderSCIMPlacesOutsideTheGrantingGroupSeesNotHeld() async throws {
        try await withProject { dir, _, _ in
            let setup = try await DrillSetup.prepare(options(dir, reader: "ben"), environment: Self.tokens)
            let briefing = render(setup.state, size: TerminalSize(width: 80, height: 24)).rows.joined(separator: "\n")
            #expect(briefing.contains("PagerDuty answered for rotation sre-primary"))
            #expect(briefing.contains("SCIM answered for group sre"))
            let frame = try await Self.stepFrame(setup)
            let row = try #require(frame.split(separator: "\n").first { $0.contains("grafana:read") })
            #expect(row.contains("not held"), "\(frame)")
        }
    }

    @Test func offlineAsksNoSourceAndTheFileAnswers() async throws {
        try await withProject { dir, pd, scim in
            let setup = try await DrillSetup.prepare(options(dir, reader: "ben", offline: true), environment: Self.tokens)
            #expect(pd.requests.isEmpty && scim.requests.isEmpty)
            #expect(setup.state.accessSources.map(\.text).joined().contains("alone (--offline)"))
            let frame = try await Self.stepFrame(setup)
            let row = try #require(frame.split(separator: "\n").first { $0.contains("grafana:read") })
            #expect(row.contains("held") && !row.contains("not held"), "\(frame)")
        }
    }

    @Test func aSourceThatFailsIsNamedAndItsScopesAreUnknown() async throws {
        try await withProject { dir, _, _ in
            let setup = try await DrillSetup.prepare(options(dir, reader: "ben"), environment: ["PAGERDUTY_TOKEN": Self.pdToken])
            let failed = setup.state.accessSources.filter(\.failed).map(\.text)
            #expect(failed.contains { $0.hasPrefix("SCIM could not list group sre") && $0.hasSuffix("scopes granted through it are unknown.") }, "\(failed)")
            let frame = try await Self.stepFrame(setup)
            let row = try #require(frame.split(separator: "\n").first { $0.contains("grafana:read") })
            #expect(row.contains("? unknown"), "\(frame)")
        }
    }

    @Test func aReaderTheDirectoryDoesNotKnowPicksThemselvesFromTheRotation() async throws {
        try await withProject { dir, _, _ in
            var setup = try await DrillSetup.prepare(options(dir, reader: "root"), environment: Self.tokens)
            #expect(!setup.state.context.readerKnown)
            #expect(setup.state.readerChoices.map(\.name) == ["ana", "ben"])
            let briefing = render(setup.state, size: TerminalSize(width: 80, height: 24)).rows.joined(separator: "\n")
            #expect(briefing.contains("Who are you? Press a number"))
            let action = try #require(KeyMap.action(for: .character("2"), in: setup.state))
            _ = DrillReducer(timeline: setup.timeline).reduce(&setup.state, action, at: setup.timeline.stamp())
            #expect(setup.state.context.reader == "ben")
            let frame = try await Self.stepFrame(setup)
            #expect(frame.split(separator: "\n").contains { $0.contains("grafana:read") && $0.contains("not held") }, "\(frame)")
        }
    }

    /// Without a terminal the real binary refuses at once, before it asks any live
    /// source: a CI step that runs `coldread drill` by mistake sends PagerDuty and SCIM
    /// nothing, and waits on neither.
    @Test func withoutATerminalTheDrillRefusesBeforeAskingAnyLiveSource() async throws {
        try await withProject { dir, pd, scim in
            let run = try await BinaryRunner.run(["drill", "Runbooks/dash.md", "--reader", "ben", "--config", dir + "/coldread.yaml"],
                                           in: URL(fileURLWithPath: dir), environment: Self.tokens)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("coldread drill: needs an interactive terminal"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(pd.requests.isEmpty && scim.requests.isEmpty, "\(pd.requests.map(\.path)) \(scim.requests.map(\.path))")
        }
    }

    @Test func withoutReaderOrUSERTheReaderIsTheProcessUsersLoginName() throws {
        let login = try #require(getpwuid(geteuid())).pointee.pw_name.map { String(cString: $0) }
        #expect(ReaderName.ofProcess(environment: [:]) == login)
        #expect(ReaderName.ofProcess(environment: ["USER": "zoe"]) == "zoe")
    }
}
