import ChildProcess
import DrillKit
import Foundation
@testable import Jobs
import RunbookKit
import Testing

/// The dry-run as a job, without the binary: a stop signal or the deadline, whichever
/// comes first, ends probing; the journal is whole and numbered like a drill's, and what
/// never answered is a `timeout`, never a pass.
@Suite(.serialized) struct DryRunJobTests {
    struct Project {
        let dir: String
        let directory: Directory

        init(link: String) throws {
            let dir = try CLI.scratch()
            self.dir = dir
            do {
                try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {\"dash:read\": [sre]}\n")
                try CLI.write(dir + "/Runbooks/hang.md", "---\nrotation: sre\n---\n# Hang\n\n## Steps\n\n1. Open [it](\(link)). <!-- coldread scopes: [dash:read] -->\n2. Wait. <!-- coldread scopes: [dash:read] -->\n")
                directory = try ProjectDirectory.load(config: dir + "/coldread.yaml")
            } catch {
                try? FileManager.default.removeItem(atPath: dir)
                throw error
            }
        }

        func job(deadlineSeconds: Int, signals: AsyncStream<StopSignal>) -> DryRunJob {
            DryRunJob(directory: directory, access: directory, root: dir,
                      options: DryRunOptions(files: [dir + "/Runbooks/hang.md"], deadlineSeconds: deadlineSeconds), signals: signals)
        }

        func journal(_ result: DryRunResult) throws -> [JournalEvent] {
            try JournalReader.read(result.journalPath).events
        }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    @Test func aStopSignalEndsProbingWithTheUnansweredLinkAsTimeout() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let project = try Project(link: server.url("/hang"))
        defer { project.remove() }
        let (signals, sender) = AsyncStream<StopSignal>.makeStream()
        let job = project.job(deadlineSeconds: 600, signals: signals)
        async let outcome = job.run()
        let until = Date().addingTimeInterval(30)
        while server.requests(to: "/hang") == 0 && Date() < until { try await Task.sleep(for: .milliseconds(20)) }
        sender.yield(StopSignal(number: SIGINT, name: "SIGINT"))
        let result = try await outcome
        #expect(result.signal?.number == SIGINT)
        #expect(result.summary.cutShort == "interrupted by SIGINT")
        let link = try #require(result.summary.runbooks.first?.steps.first?.results.first { $0.kind == .link })
        #expect(link.outcome == .timeout)
        #expect(!result.isClean)
        let events = try project.journal(result)
        #expect(events.map(\.seq) == Array(1...events.count))
        #expect(events.filter { [.stepDone, .stepBlocked, .stepSkipped].contains($0.type) }.map(\.step) == [1, 2])
        #expect(events.last?.type == .finished && events.last?.note == "interrupted by SIGINT")
    }

    @Test func theDeadlineEndsProbingAndBlocksTheStepWithATypedReason() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let project = try Project(link: server.url("/hang"))
        defer { project.remove() }
        let started = ContinuousClock.now
        let result = try await project.job(deadlineSeconds: 1, signals: AsyncStream { _ in }).run()
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(result.signal == nil)
        #expect(result.summary.cutShort?.contains("deadline") == true)
        let blocked = try #require(try project.journal(result).first { $0.type == .stepBlocked })
        #expect(blocked.reason == .other, "a timeout blocks as `other`: not a dead link, not a pass")
        #expect(blocked.step == 1)
    }

    @Test func aFinishedRunIsNotCutShortAndRecordsPassedSteps() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let project = try Project(link: server.url("/ok"))
        defer { project.remove() }
        let result = try await project.job(deadlineSeconds: 600, signals: AsyncStream { _ in }).run()
        #expect(result.summary.cutShort == nil)
        #expect(result.isClean)
        let events = try project.journal(result)
        #expect(events.filter { $0.type == .stepDone }.map(\.step) == [1, 2])
        #expect(events.last?.clean == true)
    }
}

/// A CI cancel (SIGINT) mid-run: the binary still writes its journal, reports and JUnit,
/// then exits 130; the report rebuilt from the journal says the same as its JUnit.
@Suite struct DryRunInterruptCLITests {
    @Test func sigintWritesEverythingThenExits130() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let project = try DryRunJobTests.Project(link: server.url("/hang"))
        defer { project.remove() }
        let process = try ChildProcess(CLI.binary, ["dry-run", "--timeout", "60", "--junit", "junit.xml"], in: project.dir)
        let until = Date().addingTimeInterval(30)
        while server.requests(to: "/hang") == 0 && Date() < until { try await Task.sleep(for: .milliseconds(50)) }
        process.signal(SIGINT)
        let outcome = await process.finished()
        #expect(outcome.status == 130, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("stopped early: interrupted by SIGINT"))
        let junit = try String(contentsOfFile: project.dir + "/junit.xml", encoding: .utf8)
        #expect(junit.contains("type=\"timeout\""))
        let report = try await CLI.run(["report", "latest", "--format", "junit"], in: project.dir)
        #expect(report.stdout == junit)
    }
}
