import ChildProcess
import Foundation
import Testing
import Yams

/// The sharded scheduling examples in docs/scheduling: files the schedulers accept, whose
/// shard numbers agree with their matrix or completions, and whose shell steps, run here
/// against the built binary, leave one merged JUnit file.
@Suite(.serialized) struct ShardedSchedulingDocsTests {
    static let folder = CLI.packageRoot + "/docs/scheduling"

    static func yaml(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        return try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
    }

    @Test func githubMatrixShardsTheDryRunAndMergesTheArtifacts() throws {
        let doc = try #require(try Self.yaml("github-actions-sharded.yml").first)
        let jobs = try #require(doc["jobs"] as? [String: Any])
        let shard = try #require(jobs["shard"] as? [String: Any])
        let matrix = try #require(((shard["strategy"] as? [String: Any])?["matrix"] as? [String: Any])?["shard"] as? [Int])
        let steps = try #require(shard["steps"] as? [[String: Any]])
        let run = try #require(steps.compactMap { $0["run"] as? String }.first { $0.contains("coldread dry-run") })
        #expect(matrix == Array(1...matrix.count))
        #expect(run.contains("--shard \"${{ matrix.shard }}/\(matrix.count)\""))
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact") == true })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "Drills/runs/")

        let merge = try #require(jobs["merge"] as? [String: Any])
        #expect(merge["needs"] as? String == "shard")
        let mergeSteps = try #require(merge["steps"] as? [[String: Any]])
        let download = try #require(mergeSteps.first { ($0["uses"] as? String)?.hasPrefix("actions/download-artifact") == true })
        let with = try #require(download["with"] as? [String: Any])
        #expect(with["pattern"] as? String == "coldread-run-*" && with["merge-multiple"] as? Bool == true)
        let mergeRun = try #require(mergeSteps.compactMap { $0["run"] as? String }.first { $0.contains("coldread merge") })
        #expect(mergeRun.contains("cp -R \(with["path"] as? String ?? "?")/. Drills/runs/"))
        #expect(mergeRun.contains("--format junit --output dry-run-junit.xml"))
    }

    @Test func indexedJobShardsByCompletionIndexAndTheMergeJobCombinesThem() throws {
        let docs = try Self.yaml("indexed-job.yaml")
        #expect(docs.count == 2)
        let shards = try #require(docs.first { ($0["metadata"] as? [String: Any])?["name"] as? String == "coldread-dry-run-shards" })
        #expect(shards["kind"] as? String == "Job" && shards["apiVersion"] as? String == "batch/v1")
        let spec = try #require(shards["spec"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        let script = try Self.script(of: shards)
        #expect(script.contains("--shard \"$((JOB_COMPLETION_INDEX + 1))/\(completions)\""))
        let merge = try #require(docs.first { ($0["metadata"] as? [String: Any])?["name"] as? String == "coldread-dry-run-merge" })
        #expect(try Self.script(of: merge).contains("coldread merge"))
    }

    /// The Indexed Job's two scripts, run as Kubernetes would (one shell per completion
    /// index, then the merge), in a copy of the bundled project, `/runs` in a scratch folder.
    @Test func indexedJobScriptsLeaveOneMergedJUnit() async throws {
        let docs = try Self.yaml("indexed-job.yaml")
        let project = try CorpusProject()
        defer { project.remove() }
        let runs = project.dir + "/volume/runs"
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        let binaryFolder = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        let environment = ["PATH": binaryFolder + ":/usr/bin:/bin", "HOME": project.dir]
        let shardScript = try Self.script(of: docs[0]).replacingOccurrences(of: " /runs", with: " " + runs)
        for index in 0..<3 {
            let run = try await ChildProcess.run("/bin/sh", ["-c", shardScript], in: project.dir,
                                           environment: environment.merging(["JOB_COMPLETION_INDEX": String(index)]) { $1 })
            #expect(run.status == 0, "shard \(index): \(run.stderr)")
            try? FileManager.default.removeItem(atPath: project.dir + "/Drills")
        }
        let merge = try await ChildProcess.run("/bin/sh", ["-c", try Self.script(of: docs[1]).replacingOccurrences(of: " /runs", with: " " + runs)],
                                         in: project.dir, environment: environment)
        #expect(merge.status == 1, "the bundled runbooks have rot: \(merge.stderr)")
        let junit = try String(contentsOfFile: runs + "/merged/dry-run-junit.xml", encoding: .utf8)
        #expect(junit.contains("<testsuite name=\"agent-wrong-answers\""))
        #expect(junit.contains("<testsuite name=\"Runbooks/checkout-latency\""))
    }

    static func script(of job: [String: Any]) throws -> String {
        let pod = try #require(((job["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let command = try #require(container["command"] as? [String])
        #expect(Array(command.prefix(2)) == ["sh", "-c"])
        return command.last ?? ""
    }
}
