import DrillKit
import Foundation
import Jobs
import RunbookKit
import TerminalUI
import Testing

/// The drill asks the same live access sources lint and dry-run ask, before the timer
/// starts: PagerDuty and SCIM served on loopback (the provider tests' servers), where
/// PagerDuty puts ana and ben on call and SCIM's group `sre` holds only ana, though
/// coldread.yaml lists ben in it too.
@Suite struct DrillLiveAccessTests {
    static let pdToken = "pd-secret-41c7e2d9"
    static let scimToken = "scim-secret-9b0a55f3"
    static let tokens = ["PAGERDUTY_TOKEN": pdToken, "SCIM_TOKEN": scimToken]

    static func servers() async throws -> (pd: ProviderServer, scim: ProviderServer) {
        let pd = try await ProviderServer.start { request in
            guard request.headers["authorization"] == "Token token=\(pdToken)" else { return .json(ProviderShapes.pagerDutyUnauthorized, status: 401) }
            return .json(ProviderShapes.onCallsPage([("PXPGF42", "ana@corp.example"), ("PAM4FGS", "ben@corp.example")].map {
                ProviderShapes.onCall(schedule: "PI7DH85", level: 1, user: ProviderShapes.pagerDutyUser(id: $0.0, name: $0.1, email: $0.1))
            }, limit: 25, offset: 0, more: false))
        }
        let scim = try await ProviderServer.start { request in
            guard request.headers["authorization"] == "Bearer \(scimToken)" else { return .json(ProviderShapes.scimUnauthorized, status: 401) }
            switch request.path {
            case "/Groups":
                return .json(ProviderShapes.scimList([ProviderShapes.scimGroup(id: "g-sre", displayName: "sre", members: [("u-ana", "Ana")])], total: 1, startIndex: 1))
            case "/Users/u-ana": return .json(ProviderShapes.scimUser(id: "u-ana", userName: "ana@corp.example", email: "ana@corp.example"))
            default: return .json("{}", status: 404)
            }
        }
        return (pd, scim)
    }

    /// A project whose one step needs `grafana:read`, granted to the group `sre`.
    static func project(pd: String, scim: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-drill-live-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
        try """
            rotations: {sre-primary: {members: [ana]}}
            members:
              ana: {email: ana@corp.example}
              ben: {email: ben@corp.example}
              chidi: {email: chidi@corp.example}
            groups: {sre: [ana, ben, chidi]}
            grants: {"grafana:read": [sre]}
            providers:
              timeout: 1s
              pagerduty: {base_url: "\(pd)", token_env: PAGERDUTY_TOKEN, rotations: {sre-primary: {schedule: PI7DH85}}}
              scim: {base_url: "\(scim)", token_env: SCIM_TOKEN, groups: [sre]}
            """.write(toFile: dir + "/coldread.yaml", atomically: true, encoding: .utf8)
        try """
            ---
            rotation: sre-primary
            ---
            # Dashboards
            ## Steps
            1. Open the dashboard. <!-- coldread scopes: [grafana:read] -->
            """.write(toFile: dir + "/Runbooks/dash.md", atomically: true, encoding: .utf8)
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
        let (pd, scim) = try await Self.servers()
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

    @Test func withoutReaderOrUSERTheReaderIsTheProcessUsersLoginName() throws {
        let login = try #require(getpwuid(geteuid())).pointee.pw_name.map { String(cString: $0) }
        #expect(ReaderName.ofProcess(environment: [:]) == login)
        #expect(ReaderName.ofProcess(environment: ["USER": "zoe"]) == "zoe")
    }
}
