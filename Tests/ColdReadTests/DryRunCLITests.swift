import ChildProcess
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `coldread dry-run` as cron and CI run it: no TTY (stdin from /dev/null, stdout to a
/// pipe), real loopback servers, the built binary.
@Suite(.serialized) struct DryRunCLITests {
    /// A library whose rotation holds every scope it declares.
    func library(_ runbooks: [String: String]) throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", """
            rotations: {sre: {members: [ana, ben]}}
            groups: {sre: [ana, ben]}
            grants: {"dash:read": [sre]}
            """)
        for (name, text) in runbooks { try CLI.write(dir + "/Runbooks/" + name, text) }
        return dir
    }

    func runbook(_ title: String, link: String, tool: String? = nil) -> String {
        var text = "---\nrotation: sre\n---\n# \(title)\n\n## Steps\n\n1. Open [the dashboard](\(link)).\n   <!-- coldread\n   scopes: [dash:read]\n   -->\n"
        if let tool { text += "2. Run it:\n\n   ```sh\n   \(tool) --version\n   ```\n   <!-- coldread\n   scopes: [dash:read]\n   -->\n" }
        return text
    }

    @Test func aCleanLibraryExitsZeroAndRecordsADryRunJournal() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library(["a.md": runbook("A", link: server.url("/ok"), tool: "sh"), "b.md": runbook("B", link: server.url("/ok"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        #expect(doc["clean"] as? Bool == true)
        #expect((doc["runbooks"] as? [Any])?.count == 2)
        #expect(server.requests(to: "/ok") >= 1 && server.requests(to: "/ok") <= 2)
        let journal = try #require(doc["journal"] as? String)
        let lines = try String(contentsOfFile: dir + "/" + journal, encoding: .utf8).split(separator: "\n")
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["type"] as? String == "started")
        #expect(first["kind"] as? String == "dry-run")
        let last = try #require(JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        #expect(last["type"] as? String == "finished")
        #expect(last["clean"] as? Bool == true)
        #expect(run.stderr.isEmpty, "no progress on a non-TTY stderr: \(run.stderr)")
    }

    @Test func forbiddenLinkAndMissingToolExitOneWithJUnitFailures() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library([
            "forbidden.md": runbook("Forbidden", link: server.url("/forbidden")),
            "tool.md": runbook("Tool", link: server.url("/ok"), tool: "definitely-not-installed-cr"),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run", "--junit", "junit.xml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("forbidden"))
        let suites = try JUnitDocument.parse(dir + "/junit.xml")
        // Runbook ids are paths relative to coldread.yaml's folder (issue #13).
        #expect(suites.map(\.name).sorted() == ["Runbooks/forbidden", "Runbooks/tool"])
        let forbidden = try #require(suites.first { $0.name == "Runbooks/forbidden" })
        let failedStep = try #require(forbidden.cases.first { $0.failure != nil })
        #expect(failedStep.name.hasPrefix("step 1: Open the dashboard"))
        #expect(failedStep.failure?.contains(server.url("/forbidden")) == true)
        #expect(failedStep.failureType == "forbidden")
        let tool = try #require(suites.first { $0.name == "Runbooks/tool" })
        let toolStep = try #require(tool.cases.first { $0.failure != nil })
        #expect(toolStep.name.hasPrefix("step 2"))
        #expect(toolStep.failureType == "missing")
        #expect(toolStep.failure?.contains("definitely-not-installed-cr") == true)
    }

    /// A `--junit` or `--prometheus` path that cannot be written fails before any probe,
    /// in one line naming the file: a wrong path in CI costs no run and leaves no journal.
    @Test(arguments: [["--junit", "reports/junit.xml"], ["--prometheus", "Runbooks"]])
    func anUnwritableReportPathFailsBeforeAnyProbe(flags: [String]) async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library(["a.md": runbook("A", link: server.url("/ok"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run"] + flags, in: dir)
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("\(flags[1]):1:1: error: expected a writable file, found "), "\(run.stderr)")
        #expect(lines.first?.contains("(hint: ") == true)
        #expect(server.requests(to: "/ok") == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/Drills/runs"))
    }

    @Test func aMalformedRunbookIsReportedAndTheOthersStillRun() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library(["bad.md": "---\nbudget: [\n---\n# Bad\n", "good.md": runbook("Good", link: server.url("/ok"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run", "--junit", "junit.xml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("load-error"))
        #expect(run.stdout.contains("ok   Runbooks/good"))
        #expect(server.requests(to: "/ok") >= 1)
        let suites = try JUnitDocument.parse(dir + "/junit.xml")
        #expect(suites.first { $0.name == "Runbooks/bad" }?.errors == 1)
    }

    @Test func theDeadlineEndsTheRunWithTimeoutsNotOks() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library(["hang.md": runbook("Hang", link: server.url("/hang"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run", "--deadline", "2s", "--timeout", "30", "--format", "json"], in: dir)
        #expect(run.status == 1)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((doc["stopped_early"] as? String)?.contains("deadline") == true)
        let steps = try #require(((doc["runbooks"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]]))
        let results = try #require(steps.first?["results"] as? [[String: Any]])
        let link = try #require(results.first { $0["kind"] as? String == "link" })
        #expect(link["outcome"] as? String == "timeout")
    }

    @Test func sigtermMidRunLeavesAValidJournal() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library(["hang.md": runbook("Hang", link: server.url("/hang"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try ChildProcess(CLI.binary, ["dry-run", "--timeout", "60"], in: dir)
        // Wait until the probe is in flight (the server saw it), then ask it to stop.
        let until = Date().addingTimeInterval(30)
        while server.requests(to: "/hang") == 0 && Date() < until { try await Task.sleep(for: .milliseconds(50)) }
        #expect(server.requests(to: "/hang") >= 1)
        process.signal(SIGTERM)
        #expect(await process.finished().status == 1)
        let runs = try FileManager.default.contentsOfDirectory(atPath: dir + "/Drills/runs")
        let journal = try String(contentsOfFile: dir + "/Drills/runs/" + runs[0] + "/journal.jsonl", encoding: .utf8)
        let events = try journal.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(events.first?["type"] as? String == "started")
        #expect(events.last?["type"] as? String == "finished")
        #expect((events.last?["note"] as? String)?.contains("SIGTERM") == true)
        #expect(events.map { $0["seq"] as? Int ?? 0 } == Array(1...events.count))
    }

    @Test func changedSinceChecksOnlyTheRunbooksAPullRequestTouched() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try library(["old.md": runbook("Old", link: server.url("/forbidden")), "new.md": runbook("New", link: server.url("/ok"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for args in [["init", "-q"], ["add", "."], ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "base"]] {
            #expect(try await CLI.runTool("/usr/bin/git", args, in: dir) == 0)
        }
        try CLI.write(dir + "/Runbooks/new.md", runbook("New", link: server.url("/ok")) + "\n2. One more look.\n")
        let run = try await CLI.run(["dry-run", "--changed-since", "HEAD"], in: dir)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("new"))
        #expect(!run.stdout.contains("old"))
    }
}

/// JUnit XML parsed back with Foundation's XMLParser: the elements and attributes the
/// JUnit schema requires (testsuite name/tests/failures/errors, testcase name/classname).
struct JUnitDocument {
    struct Suite {
        var name: String
        var tests: Int
        var failures: Int
        var errors: Int
        var cases: [Case] = []
    }

    struct Case {
        var name: String
        var classname: String
        var failure: String?
        var failureType: String?
    }

    static func parse(_ path: String) throws -> [Suite] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw delegate.error ?? CocoaError(.fileReadCorruptFile) }
        for suite in delegate.suites {
            guard suite.cases.count == suite.tests, suite.cases.filter({ $0.failure != nil }).count == suite.failures else {
                throw CocoaError(.fileReadCorruptFile)
            }
        }
        return delegate.suites
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var suites: [Suite] = []
        var error: Error?
        var text = ""
        var inFailure = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "testsuite":
                suites.append(Suite(name: attributes["name"] ?? "", tests: Int(attributes["tests"] ?? "") ?? -1,
                                    failures: Int(attributes["failures"] ?? "") ?? -1, errors: Int(attributes["errors"] ?? "") ?? -1))
            case "testcase":
                suites[suites.count - 1].cases.append(Case(name: attributes["name"] ?? "", classname: attributes["classname"] ?? ""))
            case "failure":
                inFailure = true
                text = ""
                let last = suites.count - 1
                suites[last].cases[suites[last].cases.count - 1].failureType = attributes["type"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inFailure { text += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "failure" {
                inFailure = false
                let last = suites.count - 1
                suites[last].cases[suites[last].cases.count - 1].failure = text
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }
}
