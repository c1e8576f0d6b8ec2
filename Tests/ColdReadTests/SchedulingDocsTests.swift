import ChildProcess
import Foundation
import Testing
import Yams

/// The scheduling examples in docs/scheduling are real files that real schedulers accept.
@Suite struct SchedulingDocsTests {
    static let folder = CLI.packageRoot + "/docs/scheduling"

    @Test func systemdUnitsPassSystemdAnalyzeVerify() async throws {
        let tool = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let analyze = try #require(tool, "systemd-analyze is not installed (.ci/run installs systemd)")
        let dir = try CLI.scratch()
        for unit in ["coldread-dry-run.service", "coldread-dry-run.timer"] {
            let text = try String(contentsOfFile: Self.folder + "/" + unit, encoding: .utf8)
            // The unit names the installed path; verify against the binary we just built.
            try CLI.write(dir + "/" + unit, text.replacingOccurrences(of: "/usr/local/bin/coldread", with: CLI.binary))
        }
        let outcome = try await ChildProcess.run(analyze, ["verify", dir + "/coldread-dry-run.service", dir + "/coldread-dry-run.timer"])
        #expect(outcome.status == 0, "systemd-analyze verify: \(outcome.stdout)\(outcome.stderr)")
        let service = try String(contentsOfFile: Self.folder + "/coldread-dry-run.service", encoding: .utf8)
        #expect(service.contains("ExecStart=/usr/local/bin/coldread dry-run"))
    }

    @Test func githubWorkflowSchedulesTheDryRunAndUploadsJUnit() throws {
        let text = try String(contentsOfFile: Self.folder + "/github-actions.yml", encoding: .utf8)
        let doc = try #require(try Yams.load(yaml: text) as? [String: Any])
        let on = try #require(doc["on"] as? [String: Any])
        let schedule = try #require(on["schedule"] as? [[String: Any]])
        #expect(schedule.first?["cron"] as? String == "17 3 * * *")
        let job = try #require((doc["jobs"] as? [String: Any])?["dry-run"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["run"] as? String)?.contains("coldread dry-run --junit dry-run-junit.xml") == true })
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact") == true })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "dry-run-junit.xml")
    }

    @Test func cronJobRunsTheDryRun() throws {
        let text = try String(contentsOfFile: Self.folder + "/cronjob.yaml", encoding: .utf8)
        let doc = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(doc["kind"] as? String == "CronJob")
        #expect(doc["apiVersion"] as? String == "batch/v1")
        let spec = try #require(doc["spec"] as? [String: Any])
        #expect(spec["schedule"] as? String == "17 3 * * *")
        let pod = try #require((((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let command = try #require(container["command"] as? [String])
        #expect(Array(command.prefix(2)) == ["coldread", "dry-run"])
        #expect(pod["restartPolicy"] as? String == "Never")
    }

    @Test func crontabLineRunsTheDryRun() throws {
        let text = try String(contentsOfFile: Self.folder + "/crontab", encoding: .utf8)
        let entries = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.first?.isNumber == true }
        #expect(entries.count == 1)
        let fields = entries[0].split(separator: " ", maxSplits: 5)
        #expect(fields.count == 6)
        #expect(fields[5].contains("coldread dry-run"))
    }
}
