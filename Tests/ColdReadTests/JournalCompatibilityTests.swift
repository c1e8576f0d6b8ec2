import Foundation
import Testing

/// Journals as a newer version, a faulty tool or a damaged disk leaves them, read by the
/// real `report`, `schedule` and `drill --resume`: unknown words are kept and warned
/// about once, only a malformed line is an error (naming its line), and a run's
/// verdict comes from its steps, never from `finished.clean`.
@Suite(.serialized) struct JournalCompatibilityTests {
    static let at = "2026-03-10T13:00:00Z"
    static let started = #"{"version":1,"seq":1,"at":"\#(at)","mono_ms":0,"type":"started","run_id":"r1","kind":"drill","runbook":{"id":"agent-wrong-answers","path":"Runbooks/agent-wrong-answers.md","sha256":"0"},"reader":"ben","cold":true}"#

    static func line(_ seq: Int, _ type: String, _ extra: String = "") -> String {
        #"{"version":1,"seq":\#(seq),"at":"\#(at)","mono_ms":\#(seq * 1000),"type":"\#(type)"\#(extra)}"#
    }

    func project(_ lines: [String]) throws -> FacilitatorProject {
        try FacilitatorProject(runs: ["20260310T130000Z-r1": lines.joined(separator: "\n") + "\n"])
    }

    @Test func unknownEventTypesAndReasonsAreKeptSkippedAndWarnedAboutOnce() async throws {
        let project = try project([
            Self.started,
            Self.line(2, "step_shown", #","step":1,"title":"One""#),
            Self.line(3, "camera_snapshot", #","step":1,"frame":"x""#),
            Self.line(4, "camera_snapshot", #","step":1"#),
            Self.line(5, "step_blocked", #","step":1,"title":"One","reason":"pager_storm","note":"too many pages""#),
            Self.line(6, "finished", #","clean":false,"blocked":1,"elapsed_ms":6000"#),
        ])
        defer { project.remove() }
        let run = try await project.run("report", "latest", "--format", "json")
        #expect(run.status == 1, "the step stays blocked: \(run.stderr)")
        let warnings = run.stderr.split(separator: "\n")
        #expect(warnings.count == 1, "\(run.stderr)")
        #expect(warnings.first?.contains("journal.jsonl:3:1: warning: skipped 2 event(s) of unknown type `camera_snapshot`") == true)
        #expect(warnings.first?.contains("`pager_storm` as `other`") == true)
        let report = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let steps = try #require(report["steps"] as? [[String: Any]])
        #expect(steps.first?["status"] as? String == "blocked")
        #expect(steps.first?["blocked_reason"] as? String == "other")
    }

    @Test func aMalformedLineInTheMiddleIsAnErrorNamingItsLine() async throws {
        let project = try project([Self.started, "{not json", Self.line(3, "finished", #","clean":true"#)])
        defer { project.remove() }
        let run = try await project.run("report", "latest")
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("journal.jsonl:2:1: error: expected a journal event"))
    }

    @Test func anOutOfRangeNumberIsAMalformedLineNotATrap() async throws {
        let project = try project([Self.started.replacingOccurrences(of: #""mono_ms":0"#, with: #""mono_ms":9223372036854775807"#),
                                   Self.line(2, "finished", #","clean":true,"elapsed_ms":-9223372036854775807"#)])
        defer { project.remove() }
        let run = try await project.run("report", "latest", "--format", "html")
        #expect(run.status == 2)
        #expect(run.stderr.contains("journal.jsonl:1:1: error:") && run.stderr.contains("mono_ms 9223372036854775807 is out of range"))
    }

    @Test func reportAndResumeRefuseAJournalWithoutStartedInTheSameWords() async throws {
        let project = try project([Self.line(1, "step_shown", #","step":1"#), Self.line(2, "step_done", #","step":1"#)])
        defer { project.remove() }
        let report = try await project.run("report", "latest")
        let resume = try await project.run("drill", "Runbooks/agent-wrong-answers.md", "--resume", "latest")
        for run in [report, resume] {
            #expect(run.status == 2)
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("journal.jsonl:1:1: error: expected a `started` event first, found `step_shown`"), "\(run.stderr)")
        }
    }

    @Test func aFinishedEventThatSaysCleanBesideABlockedStepIsOverruledWithOneWarning() async throws {
        let project = try project([
            Self.started,
            Self.line(2, "step_blocked", #","step":1,"title":"One","reason":"unclear""#),
            Self.line(3, "finished", #","clean":true,"blocked":0,"elapsed_ms":3000"#),
        ])
        defer { project.remove() }
        let report = try await project.run("report", "latest", "--format", "json")
        #expect(report.status == 1)
        #expect((try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["clean"] as? Bool == false)
        let warning = report.stderr.split(separator: "\n")
        #expect(warning.count == 1)
        #expect(warning.first?.contains("journal.jsonl:3:1: warning: the `finished` event says clean: true, but the steps say not clean") == true)
        let schedule = try await project.run("schedule", "--as-of", "2026-03-11", "--format", "json")
        #expect(schedule.stderr.split(separator: "\n").count == 1, "\(schedule.stderr)")
        let rows = try #require((JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any])?["runbooks"] as? [[String: Any]])
        let row = try #require(rows.first { $0["id"] as? String == "agent-wrong-answers" })
        #expect(row["last_clean"] as? Bool == false)
        #expect(row["mode"] as? String == "monthly")
    }
}
