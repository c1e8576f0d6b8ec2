import Foundation
import Testing

/// `coldread schedule` beside the latest dry-run: rot found is shown and listed first
/// among runbooks that are not overdue, and never flips a runbook to monthly.
@Suite struct ScheduleDryRunTests {
    func drillJournal(_ runbook: String, finishedAt: String) -> String {
        """
        {"at":"\(finishedAt)","cold":true,"kind":"drill","mono_ms":0,"reader":"ana","run_id":"r-\(runbook)","runbook":{"id":"\(runbook)","path":"Runbooks/\(runbook).md","sha256":""},"seq":1,"type":"started","version":1}
        {"at":"\(finishedAt)","blocked":0,"clean":true,"elapsed_ms":60000,"mono_ms":60000,"seq":2,"type":"finished","version":1}

        """
    }

    @Test func rotFoundIsListedFirstAmongRunbooksNotOverdue() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(dir + "/coldread.yaml", """
            rotations: {sre: {members: [ana]}}
            groups: {sre: [ana]}
            grants: {"dash:read": [sre]}
            cadence: {slot: {weekday: tuesday, time: "14:00", timezone: UTC}}
            """)
        for (id, path) in [("a-fine", "/ok"), ("b-rotten", "/forbidden")] {
            try CLI.write(dir + "/Runbooks/\(id).md", "---\nrotation: sre\n---\n# \(id)\n## Steps\n1. Open [dash](\(server.url(path))). <!-- coldread scopes: [dash:read] -->\n")
            try CLI.write(dir + "/Drills/runs/20261101T100000Z-\(id)-0000/journal.jsonl", drillJournal(id, finishedAt: "2026-11-03T14:30:00Z"))
        }
        let dryRun = try await CLI.run(["dry-run"], in: dir)
        #expect(dryRun.status == 1)

        let text = try await CLI.run(["schedule", "--as-of", "2026-11-25"], in: dir)
        #expect(text.status == 0, "\(text.stderr)")
        // Ids are paths now (issue #13); the drill journals still name the old stems and
        // still count for their runbooks.
        let lines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("Runbooks/a-fine") || $0.hasPrefix("Runbooks/b-rotten") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Runbooks/b-rotten") == true, "\(text.stdout)")
        #expect(lines.first?.contains("rot found (1 blocked)") == true)
        #expect(lines.last?.contains("clean") == true)

        let json = try await CLI.run(["schedule", "--as-of", "2026-11-25", "--format", "json"], in: dir)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(doc["runbooks"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["Runbooks/b-rotten", "Runbooks/a-fine"])
        #expect(rows[0]["rot_found"] as? Bool == true)
        #expect(rows[0]["dry_run_blocked"] as? Int == 1)
        #expect(rows[0]["mode"] as? String == "quarterly")
        #expect(rows[0]["overdue"] as? Bool == false)
        #expect(rows[1]["rot_found"] as? Bool == false)
    }

    /// A dry-run journal of `runbooks` (id → blocked step or nil), started and finished at `at`.
    func dryRunJournal(_ runId: String, at: String, _ runbooks: [(String, Int?)]) -> String {
        let refs = runbooks.map { "{\"id\":\"\($0.0)\",\"path\":\"\($0.0).md\",\"sha256\":\"\"}" }.joined(separator: ",")
        var lines = ["{\"at\":\"\(at)\",\"kind\":\"dry-run\",\"mono_ms\":0,\"reader\":\"rotation\",\"run_id\":\"\(runId)\",\"runbooks\":[\(refs)],\"seq\":1,\"type\":\"started\",\"version\":1}"]
        for (index, (id, step)) in runbooks.enumerated() {
            guard let step else { continue }
            lines.append("{\"at\":\"\(at)\",\"mono_ms\":1,\"reason\":\"dead_link\",\"runbook_id\":\"\(id)\",\"seq\":\(index + 2),\"step\":\(step),\"type\":\"step_blocked\",\"version\":1}")
        }
        lines.append("{\"at\":\"\(at)\",\"clean\":\(runbooks.allSatisfy { $0.1 == nil }),\"mono_ms\":2,\"seq\":99,\"type\":\"finished\",\"version\":1}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each runbook's rot column is its latest dry-run's, whichever shard or run it was
    /// in; a latest journal that cannot be read stands for nothing, so the one before
    /// it still shows (and the schedule says which journal it could not read).
    @Test func eachRunbookShowsItsLatestReadableDryRun() async throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {}\n")
        for id in ["Runbooks/a", "Runbooks/b"] {
            try CLI.write(dir + "/\(id).md", "---\nrotation: sre\n---\n# \(id)\n## Steps\n1. Look.\n")
        }
        let runs = dir + "/Drills/runs/"
        try CLI.write(runs + "20261101T000000Z-dry-run-0001/journal.jsonl",
                      dryRunJournal("20261101T000000Z-dry-run-0001", at: "2026-11-01T00:00:00Z", [("Runbooks/a", 1), ("Runbooks/b", 1)]))
        try CLI.write(runs + "20261102T000000Z-dry-run-0002/journal.jsonl",
                      dryRunJournal("20261102T000000Z-dry-run-0002", at: "2026-11-02T00:00:00Z", [("Runbooks/a", nil)]))
        func rot() async throws -> [String: Int] {
            let json = try await CLI.run(["schedule", "--as-of", "2026-11-25", "--format", "json"], in: dir)
            let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let rows = try #require(doc["runbooks"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0["dry_run_blocked"] as? Int ?? -1) })
        }
        #expect(try await rot() == ["Runbooks/a": 0, "Runbooks/b": 1])

        // The newest journal's middle is damaged: only the older run can speak for `a`.
        let newest = runs + "20261102T000000Z-dry-run-0002/journal.jsonl"
        let lines = try String(contentsOfFile: newest, encoding: .utf8).split(separator: "\n")
        try CLI.write(newest, ([lines[0], "garbage"] + lines.dropFirst()).joined(separator: "\n") + "\n")
        #expect(try await rot() == ["Runbooks/a": 1, "Runbooks/b": 1])
        let text = try await CLI.run(["schedule", "--as-of", "2026-11-25"], in: dir)
        #expect(text.stderr.contains("20261102T000000Z-dry-run-0002/journal.jsonl:2:1: error"), "\(text.stderr)")
    }
}
