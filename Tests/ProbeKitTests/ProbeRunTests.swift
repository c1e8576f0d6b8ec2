import Foundation
import NIOCore
import ProbeKit
import RunbookKit
import Synchronization
import Testing

/// The one probe API: a run over runbooks streams each one's results in reading order,
/// and a re-probe of one step asks the world again for that step only.
@Suite("Probe runs and re-probes")
struct ProbeRunTests {
    /// A plain-text answer, so HEAD is enough and each URL costs one request.
    static func plain(_ status: Int) -> TestHTTPServer.Reply {
        .respond(status, headers: [("Content-Type", "text/plain")], body: "ok")
    }

    @Test("a one-step runbook re-probed after the server's answer changed shows the new answer")
    func reprobeSeesChange() async throws {
        let status = Mutex(200)
        let server = try await TestHTTPServer.start { _, _ in Self.plain(status.withLock { $0 }) }
        defer { Task { await server.stop() } }
        let runbook = Fixture.runbook([Fixture.step(1, links: [server.url + "/health"])])
        let session = try await Fixture.session()
        let first = await Fixture.results(of: session.run([runbook], as: .rotation(nil)))
        status.withLock { $0 = 404 }
        let cached = await Fixture.results(of: session.run([runbook], as: .rotation(nil)))
        let again = await Fixture.results(of: session.reprobe(step: 1, of: runbook, as: .rotation(nil)))
        await session.shutdown()
        #expect(first[0].map(\.outcome) == [.ok])
        #expect(cached[0].map(\.outcome) == [.ok], "a plain run serves the session's answer")
        #expect(again[0].map(\.outcome) == [.notFound])
        #expect(again[0].map(\.step) == [1])
    }

    @Test("re-probing step 2 sends step 2's requests again and none of step 1's")
    func reprobeForgetsOnlyItsStep() async throws {
        let server = try await TestHTTPServer.start { _, _ in Self.plain(200) }
        defer { Task { await server.stop() } }
        let runbook = Fixture.runbook([
            Fixture.step(1, links: [server.url + "/one/a", server.url + "/one/b"]),
            Fixture.step(2, links: [server.url + "/two/a"]),
        ])
        let session = try await Fixture.session()
        _ = await Fixture.results(of: session.run([runbook], as: .rotation(nil)))
        let before = server.requests.map(\.uri)
        let again = await Fixture.results(of: session.reprobe(step: 2, of: runbook, as: .rotation(nil)))
        await session.shutdown()
        let sent = server.requests.map(\.uri).dropFirst(before.count)
        #expect(Set(before) == ["/one/a", "/one/b", "/two/a"])
        #expect(Array(sent) == ["/two/a"])
        #expect(again[0].map(\.url) == [server.url + "/two/a"])
    }

    @Test("each runbook's results stream in reading order, though later links answer first")
    func readingOrder() async throws {
        // Earlier links answer later, so completion order is the reverse of reading order.
        let server = try await TestHTTPServer.start { request, _ in
            let rank = Int(request.uri.split(separator: "/").last ?? "") ?? 0
            return .delayed(200, delay: .milliseconds(Int64(40 * (6 - rank))))
        }
        defer { Task { await server.stop() } }
        let first = Fixture.runbook([Fixture.step(1, links: ["\(server.url)/a/1", "\(server.url)/a/2"]),
                                     Fixture.step(2, links: ["\(server.url)/a/3"], scopes: ["grafana:read"])])
        let second = Fixture.runbook([Fixture.step(1, links: ["\(server.url)/b/4", "\(server.url)/b/5"])])
        let session = try await Fixture.session()
        var seen: [[String]] = [[], []]
        var finished: [Int] = []
        for await event in session.run([first, second], as: .rotation(nil)) {
            switch event {
            case .result(let runbook, let result):
                #expect(!finished.contains(runbook), "a result after its runbook finished")
                seen[runbook].append(result.url ?? result.scope ?? "")
            case .finished(let runbook):
                finished.append(runbook)
            }
        }
        await session.shutdown()
        #expect(seen[0] == ["\(server.url)/a/1", "\(server.url)/a/2", "\(server.url)/a/3", "grafana:read"])
        #expect(seen[1] == ["\(server.url)/b/4", "\(server.url)/b/5"])
        #expect(Set(finished) == [0, 1] && finished.count == 2)
    }
}
