import ChildProcess
import Foundation
import Testing

/// Every way a dry-run ends leaves no command probe's children behind: a probe runs in
/// its own process group and the whole group is killed at the deadline, on SIGTERM and
/// on SIGINT. SIGINT (a CI cancel) still writes the `finished` event and the reports,
/// then exits 130.
@Suite(.serialized) struct ProbeCleanupTests {
    /// A project whose one step's probe starts a background `sleep` with a unique marker
    /// and waits for it.
    func project(marker: String) throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {\"dash:read\": [sre]}\n")
        try CLI.write(dir + "/Runbooks/wait.md", """
            ---
            rotation: sre
            ---
            # Wait

            ## Steps

            1. Check the cluster.
               <!-- coldread
               scopes: [dash:read]
               probes: [[bash, -c, "sleep \(marker) & wait"]]
               -->
            """)
        return dir
    }

    /// Pids of processes whose command line holds `marker`.
    func running(_ marker: String) async throws -> [Int32] {
        try await ChildProcess.run("/usr/bin/pgrep", ["-f", "sleep " + marker]).stdout.split(separator: "\n").compactMap { Int32($0) }
    }

    /// Waits until the probe's `sleep` runs, so the signal arrives mid-probe.
    func waitForProbe(_ marker: String) async throws {
        let until = Date().addingTimeInterval(30)
        while try await running(marker).isEmpty && Date() < until { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try await !running(marker).isEmpty, "the probe started")
    }

    /// Asserts nothing with the marker survives (within a moment), and kills what did.
    func expectNoLeftovers(_ marker: String) async throws {
        let until = Date().addingTimeInterval(3)
        while try await !running(marker).isEmpty && Date() < until { try await Task.sleep(for: .milliseconds(50)) }
        let left = try await running(marker)
        #expect(left.isEmpty, "left running: \(left)")
        left.forEach { kill($0, SIGKILL) }
    }

    @Test func theDeadlineKillsTheProbesWholeProcessGroup() async throws {
        let marker = "61.123"
        let dir = try project(marker: marker)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run", "--deadline", "2s", "--format", "json"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("deadline"))
        try await expectNoLeftovers(marker)
    }

    @Test func sigtermKillsTheProbesWholeProcessGroup() async throws {
        let marker = "61.124"
        let dir = try project(marker: marker)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try ChildProcess(CLI.binary, ["dry-run"], in: dir)
        try await waitForProbe(marker)
        process.signal(SIGTERM)
        #expect(await process.finished().status == 1)
        try await expectNoLeftovers(marker)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalToProbeKillsItsCommandProbesGroups(_ signal: Int32) async throws {
        let marker = signal == SIGINT ? "61.127" : "61.128"
        let process = try ChildProcess(CLI.binary, ["probe", "Runbooks/wait.md"], in: try project(marker: marker))
        try await waitForProbe(marker)
        process.signal(signal)
        #expect(await process.finished().status == 128 + signal)
        try await expectNoLeftovers(marker)
    }

    @Test func sigintEndsADryRunLikeSigtermWithExit130() async throws {
        let marker = "61.125"
        let dir = try project(marker: marker)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try ChildProcess(CLI.binary, ["dry-run", "--junit", "junit.xml"], in: dir)
        try await waitForProbe(marker)
        process.signal(SIGINT)
        let outcome = await process.finished()
        #expect(outcome.status == 130, "\(outcome.stderr)")
        try await expectNoLeftovers(marker)
        let runs = try FileManager.default.contentsOfDirectory(atPath: dir + "/Drills/runs")
        let folder = dir + "/Drills/runs/" + (runs.first ?? "")
        let journal = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8)
        let last = try #require(journal.split(separator: "\n").last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(last["type"] as? String == "finished")
        #expect((last["note"] as? String)?.contains("SIGINT") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasPrefix("report.") })
        #expect(FileManager.default.fileExists(atPath: dir + "/junit.xml"))
    }
}
