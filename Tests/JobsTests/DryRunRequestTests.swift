import Foundation
import Jobs
import RunbookKit
import Testing

/// `DryRunRequest` in-process: `coldread dry-run`'s flags checked before any file is read,
/// and the runbooks a shard takes.
@Suite("Jobs: dry-run request")
struct DryRunRequestTests {
    @Test(arguments: [
        ("0s", "--deadline 0s leaves no time to probe"),
        ("soon", "--deadline 'soon' is not a duration such as 10m, 90s or 1h"),
    ])
    func aBadDeadlineIsAUsageLineWithTheHelpHint(deadline: String, message: String) async {
        let thrown = await failure {
            _ = try DryRunRequest(paths: [], deadline: deadline, shard: nil, changedSince: nil, offline: true)
        }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.hasPrefix("coldread dry-run: error: \(message)") == true, "\(thrown?.lines ?? [])")
        #expect(thrown?.lines.last == "hint: see `coldread dry-run --help`")
    }

    @Test(arguments: ["0/3", "4/3", "2", "a/b"])
    func aShardThatIsNotKOfNIsAUsageLine(shard: String) async {
        let thrown = await failure {
            _ = try DryRunRequest(paths: [], deadline: "10m", shard: shard, changedSince: nil, offline: true)
        }
        #expect(thrown?.lines.first == "coldread dry-run: error: --shard '\(shard)' is not K/N with 1 ≤ K ≤ N, such as 2/3")
    }

    @Test func theShardsTogetherTakeEveryRunbookOnceAndOfflineAsksTheFile() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        var taken: [String] = []
        for index in 1...2 {
            let request = try DryRunRequest(paths: [], deadline: "90s", shard: "\(index)/2", changedSince: nil, offline: true)
            let (options, access) = try await request.plan(directory: directory)
            #expect(options.deadlineSeconds == 90 && options.shard?.description == "\(index)/2")
            #expect(access is Directory)
            taken += options.files
        }
        #expect(taken.sorted() == [project.path("Runbooks/agent-wrong-answers.md"), project.path("Runbooks/checkout-latency.md")])
    }

    /// A nightly dry-run pointed at an empty folder fails loudly instead of journalling a
    /// clean run of nothing.
    @Test func aFolderWithNoRunbookIsAnInputErrorBeforeAnyRun() async throws {
        let project = try ProjectFolder(examples: true)
        try FileManager.default.createDirectory(atPath: project.path("empty"), withIntermediateDirectories: true)
        let directory = try project.directory()
        let request = try DryRunRequest(paths: [project.path("empty")], deadline: "10m", shard: nil, changedSince: nil, offline: true)
        let thrown = await failure { _ = try await request.plan(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.hasPrefix("coldread dry-run: no runbooks found in ") == true, "\(thrown?.lines ?? [])")
        #expect(!FileManager.default.fileExists(atPath: project.path("Drills/runs")))
    }
}
