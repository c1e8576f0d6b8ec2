import ChildProcess
import Foundation
import ProbeKit
import RunbookKit
import Testing

@Suite("Scope probes")
struct ScopeProbeTests {
    func scopeResult(_ scope: String, as audience: ProbeAudience = .rotation(nil), rotation: String? = "sre-primary") async throws -> ProbeResult {
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, scopes: [scope])], rotation: rotation), as: audience)
        return try #require(results.first { $0.kind == .scope })
    }

    @Test("a scope every rotation member holds is held")
    func held() async throws {
        #expect(try await scopeResult("grafana:read").outcome == .held)
    }

    @Test("a scope some members lack is not_held, naming them")
    func notHeld() async throws {
        let result = try await scopeResult("deploy:rollback")
        #expect(result.outcome == .notHeld)
        #expect(result.missingMembers == ["ben"])
        let none = try await scopeResult("traces:read")
        #expect(none.missingMembers == ["ana", "ben"])
    }

    @Test("an unknown or missing rotation is unknown with a reason, never held")
    func unknownRotation() async throws {
        let unknown = try await scopeResult("grafana:read", as: .rotation("night-shift"))
        #expect(unknown.outcome == .unknown)
        #expect(unknown.reason?.contains("unknown rotation 'night-shift'") == true)
        let none = try await scopeResult("grafana:read", rotation: nil)
        #expect(none.outcome == .unknown)
        #expect(none.reason?.contains("no rotation") == true)
        let empty = try await scopeResult("grafana:read", as: .rotation("empty"))
        #expect(empty.outcome == .unknown)
    }

    @Test("one named reader: held, not held, or unknown when not in the directory")
    func reader() async throws {
        #expect(try await scopeResult("deploy:rollback", as: .reader("ana")).outcome == .held)
        let ben = try await scopeResult("deploy:rollback", as: .reader("ben"))
        #expect(ben.outcome == .notHeld)
        #expect(ben.missingMembers == ["ben"])
        let stranger = try await scopeResult("deploy:rollback", as: .reader("zoe"))
        #expect(stranger.outcome == .unknown)
        #expect(stranger.reason?.contains("not in the directory") == true)
    }

    @Test("a step's break-glass URL and scope are probed too, marked as break-glass")
    func breakGlass() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "text/plain")]) }
        defer { Task { await server.stop() } }
        let glass = BreakGlass(scope: Scope("grafana:read", location: Fixture.here), url: server.url + "/break-glass", location: Fixture.here)
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, scopes: ["traces:read"], breakGlass: glass)]))
        #expect(results.map(\.kind) == [.scope, .link, .scope])
        #expect(results.map(\.breakGlass) == [nil, true, true])
        #expect(results.map(\.outcome) == [.notHeld, .ok, .held])
    }
}

@Suite("Tool and command probes")
struct ToolCommandProbeTests {
    func only(_ step: Step, _ kind: ProbeKind, options: ProbeOptions = Fixture.options()) async throws -> ProbeResult {
        let results = try await Fixture.probe(Fixture.runbook([step]), options: options)
        return try #require(results.first { $0.kind == kind })
    }

    @Test("a tool on the reader's PATH is present with its path; an absent one is missing")
    func tools() async throws {
        var options = Fixture.options()
        options.searchPath = "/nonexistent:/usr/bin:/bin"
        let sh = try await only(Fixture.step(1, tools: ["sh"]), .tool, options: options)
        #expect(sh.outcome == .present)
        #expect(sh.path?.hasSuffix("/sh") == true)
        let missing = try await only(Fixture.step(1, tools: ["promptctl-coldread-test"]), .tool, options: options)
        #expect(missing.outcome == .missing)
        #expect(missing.path == nil)
    }

    @Test("exit 0 passes")
    func pass() async throws {
        #expect(try await only(Fixture.step(1, probes: [["true"]]), .command).outcome == .pass)
    }

    @Test("exit 1 fails with the exit code and the last lines of stderr")
    func fail() async throws {
        let result = try await only(Fixture.step(1, probes: [["/bin/sh", "-c", "echo first >&2; echo 'no: cannot patch deployment' >&2; exit 1"]]), .command)
        #expect(result.outcome == .fail)
        #expect(result.exitCode == 1)
        #expect(result.stderrTail == "first\nno: cannot patch deployment")
    }

    @Test("a command that outlives its timeout is stopped, with its whole process group, and reported as timeout")
    func timeout() async throws {
        var options = Fixture.options()
        options.commandTimeout = .milliseconds(500)
        let result = try await only(Fixture.step(1, probes: [["/bin/bash", "-c", "sleep 61.126 & wait"]]), .command, options: options)
        #expect(result.outcome == .timeout)
        let left = try await ChildProcess.run("/usr/bin/pgrep", ["-f", "sleep 61.126"]).stdout.split(separator: "\n").compactMap { Int32($0) }
        #expect(left.isEmpty, "left running: \(left)")
        left.forEach { kill($0, SIGKILL) }
    }

    @Test("shell metacharacters in an argv stay literal: nothing is substituted, globbed or run")
    func noShell() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-\(UUID().uuidString)").path
        let argument = "$(touch \(marker)); *"
        let result = try await only(Fixture.step(1, probes: [["ls", argument]]), .command)
        #expect(result.outcome == .fail)
        #expect(result.stderrTail?.contains(argument) == true)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("the environment is passed as configured")
    func environment() async throws {
        var options = Fixture.options()
        options.commandEnvironment = ["COLDREAD_PROBE_TEST": "set", "PATH": "/usr/bin:/bin"]
        let result = try await only(Fixture.step(1, probes: [["/bin/sh", "-c", "test \"$COLDREAD_PROBE_TEST\" = set && test -z \"$HOME\""]]), .command, options: options)
        #expect(result.outcome == .pass)
    }
}
