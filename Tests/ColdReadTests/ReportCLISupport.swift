import ChildProcess
import Foundation
import Testing

/// Runs the real built `coldread` binary in a throwaway project made from the bundled
/// examples, for the facilitator commands' CLI tests. Output goes through files, not
/// pipes, so reads are never cut short by a signal.
struct FacilitatorProject {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/coldread").path
    static let mixedJournal = packageRoot.appendingPathComponent("Tests/ReportKitTests/Fixtures/mixed-drill/journal.jsonl").path

    let root: String

    /// A project with coldread.yaml and the example runbooks, and the given runs.
    init(runs: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-facilitator-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Drills/runs", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.packageRoot.appendingPathComponent("coldread.yaml").path, toPath: root + "/coldread.yaml")
        try fm.copyItem(atPath: Self.packageRoot.appendingPathComponent("Runbooks").path, toPath: root + "/Runbooks")
        for (runId, journal) in runs {
            try fm.createDirectory(atPath: root + "/Drills/runs/" + runId, withIntermediateDirectories: true)
            try Data(journal.utf8).write(to: URL(fileURLWithPath: root + "/Drills/runs/\(runId)/journal.jsonl"))
        }
    }

    static func mixedDrill() throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: mixedJournal)), as: UTF8.self)
    }

    /// A finished one-step journal with the given result, for history and cadence.
    static func journal(runId: String, kind: String = "drill", runbook: String = "agent-wrong-answers", at: String, clean: Bool) -> String {
        let started = #"{"version":1,"seq":1,"at":"\#(at)","mono_ms":0,"type":"started","run_id":"\#(runId)","kind":"\#(kind)","runbook":{"id":"\#(runbook)","path":"Runbooks/\#(runbook).md","sha256":"0"},"reader":"ben","cold":true,"budget_ms":600000}"#
        let shown = #"{"version":1,"seq":2,"at":"\#(at)","mono_ms":0,"type":"step_shown","step":1,"title":"One"}"#
        let marked = clean
            ? #"{"version":1,"seq":3,"at":"\#(at)","mono_ms":60000,"type":"step_done","step":1,"title":"One"}"#
            : #"{"version":1,"seq":3,"at":"\#(at)","mono_ms":60000,"type":"step_blocked","step":1,"title":"One","reason":"unclear","note":"which cluster?"}"#
        let finished = #"{"version":1,"seq":4,"at":"\#(at)","mono_ms":61000,"type":"finished","clean":\#(clean),"blocked":\#(clean ? 0 : 1),"elapsed_ms":61000}"#
        return [started, shown, marked, finished].joined(separator: "\n") + "\n"
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `coldread` with the project as working directory.
    func run(_ arguments: String...) async throws -> Result { try await runArguments(arguments) }

    func runArguments(_ arguments: [String]) async throws -> Result {
        let outcome = try await ChildProcess.run(Self.binary, arguments, in: root)
        return Result(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
