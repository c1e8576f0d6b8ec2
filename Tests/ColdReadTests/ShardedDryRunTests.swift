import Foundation
import Jobs
import Testing

/// `dry-run --shard K/N` and `merge`: a CI matrix or a Kubernetes Indexed Job splits the
/// runbooks, and the merged shards read as one unsharded run (issue #16).
@Suite(.serialized, .enabled(if: CorpusProject.present, "shared corpus not found at ../shared/corpus"))
struct ShardedDryRunTests {
    /// Durations and the start time are measured per run; everything else must match.
    static func withoutTimes(_ xml: String) -> String {
        xml.replacingOccurrences(of: #" (time|timestamp)="[^"]*""#, with: "", options: .regularExpression)
    }

    static func runbookPaths(_ doc: [String: Any]) -> [String] {
        ((doc["runbooks"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
    }

    @Test func threeShardsHoldEveryRunbookOnceAndMergeIntoTheUnshardedJUnit() async throws {
        let project = try CorpusProject()
        defer { project.remove() }
        let whole = try await project.dryRun(["--junit", "whole.xml", "--format", "json"])
        let all = Self.runbookPaths(try CorpusProject.json(whole.stdout))
        #expect(all.count > 20)
        var runIds: [String] = []
        var sharded: [String] = []
        for k in 1...3 {
            let run = try await project.dryRun(["--shard", "\(k)/3", "--format", "json"])
            let doc = try CorpusProject.json(run.stdout)
            runIds.append(try #require(doc["run_id"] as? String))
            let paths = Self.runbookPaths(doc)
            #expect(!paths.isEmpty, "shard \(k)/3 took no runbook of \(all.count)")
            sharded += paths
        }
        #expect(sharded.count == Set(sharded).count, "a runbook is in two shards")
        #expect(Set(sharded) == Set(all), "a runbook is in no shard")

        let merged = try await CLI.run(["merge"] + runIds + ["--format", "junit", "--output", "merged.xml"], in: project.dir)
        #expect(merged.status == whole.status, "\(merged.stderr)")
        #expect(Self.withoutTimes(try project.read("merged.xml")) == Self.withoutTimes(try project.read("whole.xml")))
        let markdown = try await CLI.run(["merge"] + runIds.reversed(), in: project.dir)
        #expect(markdown.stdout.contains("\(all.count) runbooks dry-run"), "\(markdown.stdout.suffix(300))")
    }

    @Test func runsOfDifferentConfigurationsOrOverlappingShardsAreRefused() async throws {
        let project = try CorpusProject()
        defer { project.remove() }
        func shard(_ spec: String) async throws -> String {
            let run = try await project.dryRun(["--shard", spec, "--format", "json"])
            return try #require(try CorpusProject.json(run.stdout)["run_id"] as? String)
        }
        let first = try await shard("1/2")
        let again = try await shard("1/2")
        let whole = try await project.dryRun(["--format", "json"])
        let wholeId = try #require(try CorpusProject.json(whole.stdout)["run_id"] as? String)
        let config = try project.read("coldread.yaml")
        try CLI.write(project.dir + "/coldread.yaml", config + "\n# changed between the shards\n")
        let changed = try await shard("2/2")
        let cases: [([String], String)] = [
            ([first, changed], "another coldread.yaml"),
            ([first, again], "are both shard 1/2"),
            ([first], "shard 2/2 is missing"),
            ([first, wholeId], "is not a shard"),
        ]
        for (runs, words) in cases {
            let run = try await CLI.run(["merge"] + runs + ["--format", "junit"], in: project.dir)
            #expect(run.status == 2, "\(runs): \(run.stdout)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("coldread merge: error: "), "\(run.stderr)")
            #expect(run.stderr.contains(words) && run.stderr.contains("(hint: "), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test(arguments: ["0/3", "4/3", "x", "1/0", "2", "1/3/5"])
    func aBadShardIsAOneLineUsageErrorWithAHint(_ spec: String) async throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\n")
        let run = try await CLI.run(["dry-run", "--shard", spec], in: dir)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2 && lines[1] == "hint: see `coldread dry-run --help`", "\(run.stderr)")
        #expect(lines.first?.hasPrefix("coldread dry-run: error: --shard '\(spec)' is not K/N") == true, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/Drills"), "nothing is run or journalled")
    }

    /// A runbook stays in its shard as others are added: its shard depends on its own path.
    @Test func aRunbookKeepsItsShardAsOthersAreAdded() throws {
        let before = (0..<40).map { "/repo/Runbooks/team-\($0 % 5)/alert-\($0).md" }
        let after = before + (40..<300).map { "/repo/Runbooks/new/alert-\($0).md" }
        for k in 1...3 {
            let shard = try #require(DryRunShard("\(k)/3"))
            let kept = shard.select(before, workspaceRoot: "/repo")
            #expect(shard.select(after, workspaceRoot: "/repo").filter(before.contains) == kept)
            #expect(shard.select(after, workspaceRoot: "/repo").count > 50, "shards are roughly even")
        }
    }
}
