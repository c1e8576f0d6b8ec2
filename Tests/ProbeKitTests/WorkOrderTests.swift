@testable import ProbeKit
import RunbookKit
import Testing

/// The order a run's workers take its jobs in: commands first, then links one host at a
/// time in turn, so one dashboard's hundred links cannot hold every other host back.
@Suite("Probe work order")
struct WorkOrderTests {
    @Test("links are taken host by host in turn, each host's in reading order, commands first")
    func hostsTakeTurns() {
        let first = Fixture.runbook([
            Fixture.step(1, links: ["https://a.example/1", "https://a.example/2", "https://a.example/3"]),
            Fixture.step(2, links: ["https://b.example/1"], scopes: ["grafana:read"], tools: ["kubectl"]),
        ])
        let second = Fixture.runbook([
            Fixture.step(1, links: ["https://A.example/4", "https://c.example/1"], probes: [["true"]]),
        ])
        let jobs = ProbeJobs.jobs(ofAll: [first, second])
        let taken = ProbeJobs.workOrder(jobs).map { place -> String in
            switch jobs[place.runbook][place.job] {
            case .link(_, let url, _, _): url
            case .command(_, let argv): argv.joined(separator: " ")
            case .scope, .tool, .localLink: "sync"
            }
        }
        #expect(taken == ["true", "https://a.example/1", "https://b.example/1", "https://c.example/1",
                          "https://a.example/2", "https://a.example/3", "https://A.example/4"])
    }

    @Test("a step naming one URL, scope or tool twice gets one job each; a long step as well")
    func duplicatesWithinAStep() {
        let many = (1...40).map { "https://a.example/\($0 % 20)" }
        let runbook = Fixture.runbook([
            Fixture.step(1, links: ["https://a.example/x", "mailto:x@y", "https://a.example/x"],
                         scopes: ["s", "s"], tools: ["t", "t"],
                         breakGlass: BreakGlass(scope: Scope("bg", location: Fixture.here), url: "https://a.example/x",
                                                 location: Fixture.here)),
            Fixture.step(2, links: many),
        ])
        let jobs = ProbeJobs.jobs(of: runbook)
        let links = jobs.compactMap { job -> String? in if case .link(_, let url, _, _) = job { url } else { nil } }
        #expect(links == ["https://a.example/x"] + (0..<20).map { "https://a.example/\(($0 + 1) % 20)" })
        #expect(jobs.count == links.count + 3)
    }
}
