import Foundation
import ProbeKit
import RunbookKit
import Testing

/// Hosts that cannot be reached are known at once, whatever the concurrency: a name that
/// does not resolve or a port that refuses is `unreachable`, never a `timeout`, and
/// costs the run no request time.
@Suite("Name resolution and refusals")
struct NameResolutionTests {
    /// The run's own defaults (10 s per request, 128 in flight, 8 per host): the bounds
    /// under which lookups used to queue until they timed out.
    static let fullConcurrency = ProbeOptions()

    @Test("links over 20 names that do not resolve: all unreachable at once, none timeout",
          arguments: [100, 1000])
    func unresolvableNames(links: Int) async throws {
        // RFC 6761: `.invalid` never resolves, on any resolver.
        let names = (1...20).map { "coldread-dns-\($0).invalid" }
        let steps = (1...(links / 10)).map { step in
            Fixture.step(step, links: (0..<10).map { "https://\(names[(step * 10 + $0) % 20])/page/\(step)-\($0)" })
        }
        let started = ContinuousClock.now
        let results = try await Fixture.probe(Fixture.runbook(steps), options: Self.fullConcurrency)
        let elapsed = ContinuousClock.now - started
        #expect(results.count == links)
        #expect(results.filter { $0.outcome == .timeout }.isEmpty)
        for result in results {
            let host = try #require(result.url.flatMap { URLParts($0)?.host })
            #expect(result.outcome == .unreachable)
            #expect(result.reason == "cannot resolve \(host)")
        }
        // One lookup per name, not one per link: when every link's connection looked its
        // name up again, 1,000 links took half a minute here (a release build, alone).
        // Alone, 5 s here (the machine's resolver times out on .invalid); inside the whole
        // suite on two cores, 16 s has been seen (sync tests that wait on children hold
        // the two-thread cooperative pool). The bound is the link deadline itself: the run
        // never waits one out. How fast it is, is Benchmarks/' business.
        #expect(elapsed < .seconds(30), "took \(elapsed) against a 30 s link deadline")
    }

    @Test("100 links to a port that refuses: all unreachable at once, none timeout")
    func refusedConnections() async throws {
        let closed = try ClosedPort()
        defer { closed.close() }
        let steps = (1...10).map { step in
            Fixture.step(step, links: (0..<10).map { "http://127.0.0.1:\(closed.port)/page/\(step)-\($0)" })
        }
        let started = ContinuousClock.now
        let results = try await Fixture.probe(Fixture.runbook(steps), options: Self.fullConcurrency)
        let elapsed = ContinuousClock.now - started
        #expect(results.count == 100)
        #expect(results.allSatisfy { $0.outcome == .unreachable && $0.reason == "127.0.0.1 refused the connection" },
                "\(Set(results.map { "\($0.outcome.rawValue): \($0.reason ?? "")" }))")
        // Alone this takes 0.03 s. In the whole suite on two cores, Swift's cooperative
        // pool (two threads) is shared with tests that block on children: 10 s has been
        // seen, and 25 s with builds running beside it. What this test guards is "never a
        // timeout", so the bound is the link deadline itself. Speed is measured in
        // Benchmarks/, not here.
        #expect(elapsed < .seconds(30), "took \(elapsed) against a 30 s link deadline")
    }

    @Test("a port that refused is not tried again in the run; a re-probe of the step tries it")
    func refusalRemembered() async throws {
        let closed = try ClosedPort()
        defer { closed.close() }
        let first = Fixture.runbook([Fixture.step(1, links: ["http://127.0.0.1:\(closed.port)/a"])])
        let second = Fixture.runbook([Fixture.step(1, links: ["http://127.0.0.1:\(closed.port)/b"])])
        let session = try await Fixture.session(options: Fixture.options(requestTimeout: .seconds(1), linkDeadline: .seconds(2)))
        let refused = await Fixture.results(of: session.run([first], as: .rotation(nil)))
        // The port now accepts and never answers: a new connection to it would time out.
        try closed.listen()
        let remembered = await Fixture.results(of: session.run([second], as: .rotation(nil)))
        let asked = await Fixture.results(of: session.reprobe(step: 1, of: second, as: .rotation(nil)))
        await session.shutdown()
        #expect(refused[0].map(\.outcome) == [.unreachable])
        #expect(remembered[0].map(\.outcome) == [.unreachable])
        #expect(remembered[0].first?.reason == "127.0.0.1 refused the connection")
        #expect(asked[0].map(\.outcome) == [.timeout])
    }
}
