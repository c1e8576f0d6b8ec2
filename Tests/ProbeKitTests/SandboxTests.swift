import Foundation
import ProbeKit
import RunbookKit
import Testing

/// The sandbox server answers each behaviour of DESIGN.md, and only its hostnames are
/// routed to it.
@Suite("Sandbox")
struct SandboxTests {
    @Test("each behaviour reads as its outcome", arguments: [
        (ServiceBehaviour.ok, ProbeOutcome.ok), (.sso, .ssoWall), (.forbidden, .forbidden), (.unauthorized, .unauthorized),
        (.notFound, .notFound), (.slow, .timeout), (.down, .unreachable),
    ])
    func behaviour(_ behaviour: ServiceBehaviour, _ outcome: ProbeOutcome) async throws {
        let sandbox = Sandbox(services: ["svc.corp.example": behaviour])
        // Only `slow` needs a short timeout; the others get room on a loaded machine.
        let options = behaviour == .slow
            ? Fixture.options(requestTimeout: .seconds(1), linkDeadline: .seconds(2))
            : Fixture.options(requestTimeout: .seconds(8), linkDeadline: .seconds(10))
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: ["https://svc.corp.example/page?x=1"])]),
                                              options: options, sandbox: sandbox)
        let result = try #require(results.first)
        #expect(result.outcome == outcome, "\(behaviour): \(result.reason ?? "")")
        if behaviour == .unauthorized { #expect(result.wwwAuthenticate == "Bearer") }
        if behaviour == .sso { #expect(result.finalURL?.hasPrefix("https://sso.corp.example/") == true) }
    }

    @Test("hosts outside the sandbox are not routed to it")
    func onlySandboxHosts() async throws {
        let sandbox = Sandbox(services: ["svc.corp.example": .ok])
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: ["http://not-in-sandbox.invalid/"])]), sandbox: sandbox)
        #expect(results.first?.outcome == .unreachable)
    }
}
