import DrillKit
import Foundation
@testable import Jobs
import RunbookKit
import Testing

/// `DryRunMerge` as a job, without the binary: two shard runs of the dry-run job merge
/// into the unsharded run's JUnit; a shard given twice is refused with one line.
@Suite(.serialized) struct DryRunMergeJobTests {
    struct Library {
        let dir: String
        let directory: Directory
        let files: [String]

        init(link: String) throws {
            let dir = try CLI.scratch()
            self.dir = dir
            do {
                try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {\"dash:read\": [sre]}\n")
                files = try (1...6).map { n in
                    let path = dir + "/Runbooks/rb-\(n).md"
                    try CLI.write(path, "---\nrotation: sre\n---\n# RB \(n)\n\n## Steps\n\n1. Open [it](\(link)?n=\(n)). <!-- coldread scopes: [dash:read] -->\n2. Wait. <!-- coldread scopes: [dash:\(n % 2 == 0 ? "read" : "write")] -->\n")
                    return path
                }
                directory = try ProjectDirectory.load(config: dir + "/coldread.yaml")
            } catch {
                try? FileManager.default.removeItem(atPath: dir)
                throw error
            }
        }

        func run(_ shard: DryRunShard?) async throws -> DryRunMerge.Run {
            let files = shard?.select(files, workspaceRoot: directory.workspaceRoot) ?? files
            let job = DryRunJob(directory: directory, access: directory, root: dir,
                                options: DryRunOptions(files: files, deadlineSeconds: 600, shard: shard), signals: AsyncStream { _ in })
            let result = try await job.run()
            return DryRunMerge.Run(runId: result.summary.runId, events: try JournalReader.read(result.journalPath).events)
        }

        var store: RunStore { RunStore(root: dir + "/Drills/runs") }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    static func withoutTimes(_ xml: String) -> String {
        xml.replacingOccurrences(of: #" (time|timestamp)="[^"]*""#, with: "", options: .regularExpression)
    }

    @Test func twoShardRunsMergeIntoTheUnshardedJUnit() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let library = try Library(link: server.url("/ok"))
        defer { library.remove() }
        let whole = try await library.run(nil)
        let first = try await library.run(DryRunShard(index: 1, count: 2))
        let second = try await library.run(DryRunShard(index: 2, count: 2))
        let merged = try await DryRunMerge(store: library.store).merge([second, first])
        let wholeResult = try #require(DryRunResult.report(whole.events, as: .junit, store: library.store))
        #expect(Self.withoutTimes(merged.result.junit) == Self.withoutTimes(wholeResult.text))
        #expect(merged.result.summary.runbooks.count == 6)
        #expect(!merged.result.isClean, "odd runbooks declare a scope nobody holds")
        #expect(try JournalReader.read(merged.result.journalPath).events.map(\.seq) == Array(1...merged.events.count))
    }

    @Test func aShardGivenTwiceIsRefused() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let library = try Library(link: server.url("/ok"))
        defer { library.remove() }
        let first = try await library.run(DryRunShard(index: 1, count: 2))
        do {
            _ = try await DryRunMerge(store: library.store).merge([first, first])
            Issue.record("a repeated shard was merged")
        } catch {
            #expect(error.lines.count == 1)
            #expect(error.lines.first?.contains("are both shard 1/2") == true, "\(error.lines)")
        }
    }
}
