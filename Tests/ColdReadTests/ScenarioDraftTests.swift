import Foundation
import Jobs
import ProbeKit
import RunbookKit
import Testing

/// `coldread scenario new` (issue #18, deliverable 2): a draft the facilitator edits,
/// which loads and probes as it is, on every runbook of the shared corpus.
@Suite(.enabled(if: DraftCorpus.present, "shared corpus not found at ../shared/corpus: corpus tests skipped"))
struct ScenarioDraftTests {
    static func workspace() throws -> (root: String, directory: Directory) {
        let root = NSTemporaryDirectory() + "coldread-scenario-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/Drills", withIntermediateDirectories: true)
        let config = "rotations: {sre: {members: [ana]}}\nmembers: {ana: {}}\n"
        try config.write(toFile: root + "/coldread.yaml", atomically: true, encoding: .utf8)
        return (root, try DirectoryLoader.load(root + "/coldread.yaml"))
    }

    @Test func aDraftCarriesTheBriefingTheAlertAndAnInjectPerThird() throws {
        let (root, directory) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let runbook = DraftCorpus.root + "/prometheus-operator-runbooks/content/runbooks/kubernetes/KubePodCrashLooping.md"
        let output = root + "/Drills/crash.yaml"
        _ = try ScenarioDraftJob(runbookPath: runbook, outputPath: output, directory: directory).run()
        let scenario = try ScenarioLoader.load(output, directory: directory).scenario
        #expect(scenario.briefing.hasPrefix("Meaning:"))
        #expect(scenario.signals.first?.lines.contains { $0.contains("KubePodCrashLooping") } == true || scenario.signals.first?.name == "KubePodCrashLooping")
        #expect(scenario.clock == "02:17")
        #expect(scenario.budgetSeconds == 1800)
        #expect(scenario.injects.map(\.trigger) == [.atStep(1), .atStep(5), .atStep(9)], "13 steps: one inject per third")
        // The same file, however the shared folder is reached (it may be a symbolic link).
        #expect(URL(fileURLWithPath: scenario.runbookPath).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: runbook).resolvingSymlinksInPath().path)
        #expect(throws: CommandFailure.self, "an existing file is never overwritten") {
            try ScenarioDraftJob(runbookPath: runbook, outputPath: output, directory: directory).run()
        }
    }

    /// Every corpus runbook: the draft loads with no step problems, and probing the
    /// scenario's runbook in its sandbox answers every probe, each host the runbook
    /// links to `ok` from the loopback sandbox.
    @Test func everyCorpusRunbookGetsADraftThatLoadsAndProbes() async throws {
        let (root, directory) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try RunbookLoader.expand([DraftCorpus.root])
        #expect(files.count > 300)
        for (number, file) in files.enumerated() {
            guard let runbook = try? RunbookLoader.load(file, options: LoaderOptions(directory: directory)) else { continue }
            let output = root + "/Drills/draft-\(number).yaml"
            _ = try ScenarioDraftJob(runbookPath: file, outputPath: output, directory: directory).run()
            let loaded = try ScenarioLoader.load(output, directory: directory)
            #expect(loaded.scenario.stepProblems(stepCount: runbook.steps.count).isEmpty, "\(file)")
            let results = try await Self.probe(runbook, sandbox: loaded.scenario.sandbox, directory: directory)
            #expect(results.count == ProbePlan.count(of: runbook), "\(file)")
            let sandboxHosts = Set(loaded.scenario.sandbox.map { Array($0.services.keys) } ?? [])
            let worldLinks = results.filter { result in
                result.kind == .link && result.outcome != .ok
                    && URLParts.host(of: result.url ?? "").map { sandboxHosts.contains($0.lowercased()) } == true
            }
            #expect(worldLinks.isEmpty, "\(file): \(worldLinks.map { "\($0.url ?? ""): \($0.outcome)" })")
        }
    }

    static func probe(_ runbook: Runbook, sandbox: Sandbox?, directory: Directory) async throws -> [ProbeResult] {
        let session = ProbeSession(access: directory, directory: directory, sandbox: sandbox, credentials: .none,
                                   options: ProbeOptions(requestTimeout: .seconds(5)))
        do {
            try await session.start()
        } catch {
            await session.shutdown()
            throw error
        }
        let results = await session.results([runbook], as: .rotation("sre")).first ?? []
        await session.shutdown()
        return results
    }
}

/// The shared corpus of stranger-written runbooks, beside the package (../shared/corpus),
/// as an absolute path (the drafts live in a temporary folder).
enum DraftCorpus {
    static let root: String = {
        URL(fileURLWithPath: DrillProject.packageRoot).deletingLastPathComponent().path + "/shared/corpus"
    }()

    static var present: Bool { FileManager.default.fileExists(atPath: root) }
}
