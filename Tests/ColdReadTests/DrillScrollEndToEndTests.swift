import Foundation
import RunbookKit
import Testing

/// A stranger's runbook from the shared corpus (referenced at ../shared/corpus from the
/// package root, never copied), drilled at 80×24 in tmux: its longest step, a resize
/// procedure with four shell blocks, is read to its last line with PgDn.
@Suite("coldread drill scrolls a long corpus step", .serialized,
       .enabled(if: FileManager.default.fileExists(atPath: CorpusRunbook.volumeFillingUp), "shared corpus not found at ../shared/corpus: skipped"))
struct DrillScrollEndToEndTests {
    static let runbook = CorpusRunbook.volumeFillingUp
    static let stepTitle = "Direct Volume resizing"

    @Test func pgDnReachesTheLastLineOfTheStep() async throws {
        let loaded = try RunbookLoader.load(Self.runbook)
        let step = try #require(loaded.steps.first { $0.title == Self.stepTitle })
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try await TmuxSession(command: "exec \(DrillProject.binary) drill \(Self.runbook) --reader ben --offline",
                                   directory: project.root, environment: DrillProject.terminal)
        defer { tmux.kill() }
        try await tmux.waitFor("Press Enter to start the timer")
        try await tmux.send("Enter")
        try await tmux.waitFor("Step 1 of \(loaded.steps.count)")
        for _ in 1..<step.index { try await tmux.send("j") }
        let top = try await tmux.waitFor("Step \(step.index) of \(loaded.steps.count)")
        #expect(top.contains("more (PgDn/Space)"))
        #expect(!top.contains("Once the PVC status says"))
        var screen = top
        for _ in 0..<30 where !screen.contains("end of step") {
            let before = screen
            try await tmux.send("NPage")
            screen = try await tmux.waitUntil("the pane to scroll") { $0 != before }
        }
        #expect(screen.contains("end of step"))
        #expect(screen.contains("Once the PVC status says to restart the respective"))
        let last = try #require(step.tools.last?.name)
        #expect(screen.split(separator: "\n").contains { $0.contains(last) }, "the step's last tool is on the last page")
        try await tmux.send("PPage")
        try await tmux.waitUntil("PgUp to scroll back") { !$0.contains("end of step") }
        try await tmux.send("q")
    }
}

/// Where the shared corpus's runbooks are, from the package root.
enum CorpusRunbook {
    static let volumeFillingUp = DrillProject.packageRoot
        + "/../shared/corpus/prometheus-operator-runbooks/content/runbooks/kubernetes/KubePersistentVolumeFillingUp.md"
}
