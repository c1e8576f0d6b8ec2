import Foundation
import RunbookKit
import Testing
import Jobs

/// `coldread probe --format json` is written by hand for speed; it must stay the exact
/// bytes JSONEncoder gives for the same document, every field and escape included.
@Suite("Probe JSON")
struct ProbeJSONTests {
    /// What the hand-written document must equal.
    private struct Expected: Encodable {
        struct Entry: Encodable {
            var runbook: String
            var result: ProbeResult
            enum Keys: String, CodingKey { case runbook }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(runbook, forKey: .runbook)
                try result.encode(to: encoder)
            }
        }
        var version = 1
        var results: [Entry]
    }

    @Test("every field, escapes and unicode match JSONEncoder byte for byte")
    func matchesJSONEncoder() throws {
        let here = SourceLocation(file: "a.md", line: 1)
        let first = Runbook(id: "agent \"wrong\" answers", title: "A", path: "a.md", steps: [], location: here)
        let second = Runbook(id: "db/failover", title: "B", path: "b.md", steps: [], location: here)
        let results = [
            ProbeResult(kind: .link, step: 1, outcome: .ssoWall, url: "https://traces.ai.corp.example/t?q=a&b=\"c\"",
                        statusChain: [302], finalURL: "https://sso.corp.example/login?SAMLRequest=x/y", ms: 12,
                        reason: "redirected to the login host sso.corp.example"),
            ProbeResult(kind: .link, step: 2, outcome: .unauthorized, url: "https://api.corp.example/v1", statusChain: [301, 401],
                        finalURL: "https://api.corp.example/v2", ms: 0, wwwAuthenticate: "Bearer", breakGlass: true),
            ProbeResult(kind: .scope, step: 3, outcome: .notHeld, scope: "deploy:rollback", missingMembers: ["ben", "chidi"]),
            ProbeResult(kind: .tool, step: 3, outcome: .present, tool: "kubectl", path: "/usr/local/bin/kubectl"),
            ProbeResult(kind: .command, step: 4, outcome: .fail, argv: ["sh", "-c", "echo 'a\\b' | tr \t x"], exitCode: 1,
                        stderrTail: "line one\nline two\r\n\u{1}\u{8}\u{c}\u{1f} naïve ✓ 🚨", reason: nil),
            ProbeResult(kind: .link, step: 5, outcome: .ok, url: "https://grafana.corp.example/d/é", statusChain: [], ms: 3),
            ProbeResult(kind: .command, step: 10, outcome: .timeout, argv: [], exitCode: -15, reason: "stopped"),
            ProbeResult(kind: .link, step: Int.max, outcome: .ok, url: "https://a.example/", statusChain: [200, 599, 10],
                        ms: 1_234_567_890_123),
        ]
        let report: [(Runbook, [ProbeResult])] = [(first, Array(results[0..<4])), (second, Array(results[4...])), (second, [])]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = Expected(results: report.flatMap { runbook, results in
            results.map { Expected.Entry(runbook: runbook.id, result: $0) }
        })
        let want = String(decoding: try encoder.encode(expected), as: UTF8.self)
        #expect(ProbeJSON.render(report) == want)
        #expect(ProbeJSON.render([]) == String(decoding: try encoder.encode(Expected(results: [])), as: UTF8.self))
    }
}
