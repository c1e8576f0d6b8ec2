import Foundation
import Testing

/// The bundled runbooks and two folders of the shared corpus (runbooks written by
/// strangers), dry-run from a scratch project whose coldread.yaml is the bundled one. The
/// corpus is named by path, never copied; the scratch folder is removed by `remove()`.
struct CorpusProject {
    static let corpus = CLI.packageRoot + "/../shared/corpus/prometheus-operator-runbooks/content/runbooks"
    static var present: Bool { FileManager.default.fileExists(atPath: corpus) }

    let dir: String

    init() throws {
        let dir = try CLI.scratch()
        self.dir = dir
        let fm = FileManager.default
        do {
            try fm.copyItem(atPath: CLI.packageRoot + "/coldread.yaml", toPath: dir + "/coldread.yaml")
            try fm.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: CLI.packageRoot + "/Runbooks") where name.hasSuffix(".md") {
                try fm.copyItem(atPath: CLI.packageRoot + "/Runbooks/" + name, toPath: dir + "/Runbooks/" + name)
            }
        } catch {
            try? fm.removeItem(atPath: dir)
            throw error
        }
    }

    /// Hosts here do not resolve, so probes end at once; `--offline` keeps access to the file.
    func dryRun(_ extra: [String]) async throws -> CLI.Result {
        try await CLI.run(["dry-run", "Runbooks", Self.corpus + "/etcd", Self.corpus + "/node", "--offline", "--timeout", "3"] + extra, in: dir)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: dir + "/" + relative, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The value of every `name="…"` attribute, in order.
    static func attributes(_ name: String, in xml: String) -> [String] {
        xml.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}

/// A dry-run's journal holds every step's outcome, so `coldread report` rebuilds what the
/// run itself wrote (issue #16): the same JUnit, JSON and Markdown, byte for byte.
@Suite(.serialized, .enabled(if: CorpusProject.present, "shared corpus not found at ../shared/corpus"))
struct DryRunJournalTests {
    @Test func reportRebuildsTheRunsOwnJUnitJSONAndMarkdown() async throws {
        let project = try CorpusProject()
        defer { project.remove() }
        let run = try await project.dryRun(["--junit", "own.xml", "--format", "json"])
        #expect(run.status == 1, "the bundled runbooks have rot: \(run.stderr)")
        let doc = try CorpusProject.json(run.stdout)
        let runId = try #require(doc["run_id"] as? String)
        #expect((doc["runbooks"] as? [Any])?.count ?? 0 > 20)

        let junit = try await CLI.run(["report", runId, "--format", "junit"], in: project.dir)
        #expect(junit.status == 1)
        #expect(junit.stdout == (try project.read("own.xml")))
        let json = try await CLI.run(["report", runId, "--format", "json"], in: project.dir)
        #expect(json.stdout == run.stdout)
        #expect(json.stdout == (try project.read("Drills/runs/\(runId)/report.json")))
        let markdown = try await CLI.run(["report", runId, "--format", "md"], in: project.dir)
        #expect(markdown.stdout == (try project.read("Drills/runs/\(runId)/report.md")))
    }

    /// Passed steps are testcases too, and each suite's time is its own steps' time, not
    /// the time since the run began.
    @Test func everyStepIsACaseAndSuiteTimesAreTheirOwn() async throws {
        let project = try CorpusProject()
        defer { project.remove() }
        _ = try await project.dryRun(["--junit", "own.xml"])
        let xml = try project.read("own.xml")
        let suites = xml.components(separatedBy: "<testsuite ").dropFirst()
        #expect(suites.count > 20)
        for suite in suites {
            let suiteTime = try #require(CorpusProject.attributes("time", in: suite).first.flatMap(Double.init))
            let caseTimes = CorpusProject.attributes("time", in: suite).dropFirst().compactMap(Double.init)
            #expect(abs(suiteTime - caseTimes.reduce(0, +)) < 0.002, "\(suite.prefix(200))")
        }
        let passed = xml.components(separatedBy: "\n").filter { $0.contains("<testcase") && $0.hasSuffix("/>") && $0.contains("name=\"step ") }
        #expect(!passed.isEmpty, "passed steps are journalled and reported")
    }

    /// A dry-run journal written before every step was journalled still reports.
    @Test func anOldDryRunJournalStillReports() async throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\n")
        try CLI.write(dir + "/Drills/runs/20260101T000000Z-dry-run-aaaa/journal.jsonl", """
            {"at":"2026-01-01T00:00:00.000Z","kind":"dry-run","mono_ms":0,"reader":"rotation","run_id":"20260101T000000Z-dry-run-aaaa","runbooks":[{"id":"a","path":"Runbooks/a.md","sha256":""}],"seq":1,"type":"started","version":1}
            {"at":"2026-01-01T00:00:01.000Z","mono_ms":900,"result":{"kind":"link","ms":12,"outcome":"not_found","status_chain":[404],"step":1,"url":"https://x.example/"},"runbook_id":"a","seq":2,"step":1,"type":"probe_result","version":1}
            {"at":"2026-01-01T00:00:01.000Z","mono_ms":950,"note":"link https://x.example/: not_found","reason":"dead_link","runbook_id":"a","seq":3,"step":1,"title":"Look","type":"step_blocked","version":1}
            {"at":"2026-01-01T00:00:01.000Z","blocked":1,"clean":false,"elapsed_ms":1000,"mono_ms":1000,"seq":4,"type":"finished","version":1}

            """)
        let run = try await CLI.run(["report", "latest", "--format", "junit"], in: dir)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("<testsuites name=\"coldread dry-run\""))
        #expect(run.stdout.contains("https://x.example/"))
    }
}
