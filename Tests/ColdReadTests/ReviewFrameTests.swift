@testable import coldread
import DrillKit
import Foundation
import ReportKit
import RunbookKit
import TerminalUI
import Testing

/// The review's frames for the mixed drill (the report goldens' fixture), compared with
/// golden files under ReviewFrames/; `UPDATE_GOLDEN=1` rewrites them.
@Suite("coldread review frames")
struct ReviewFrameTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = here.deletingLastPathComponent().appendingPathComponent("ReportKitTests/Fixtures/mixed-drill").path

    static func report() throws -> RunReport {
        let directory = try DirectoryLoader.load(fixtures + "/coldread.yaml")
        let runbook = try RunbookLoader.load(fixtures + "/agent-wrong-answers.md", options: LoaderOptions(directory: directory))
        let events = try JournalReader.read(fixtures + "/journal.jsonl").events
        return RunReport(events: events, runbook: runbook, directory: directory)
    }

    static func expectGolden(_ frame: Frame, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Golden.expect(frame.goldenText, "ReviewFrames/\(name).txt", under: here.path, sourceLocation: sourceLocation)
    }

    /// Drives the review with keys, as the terminal loop does.
    static func state(after keys: [Key], steps: Int = 4) -> ReviewState {
        var state = ReviewState()
        for key in keys { state.handle(key, stepCount: steps) }
        return state
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [Key]
        var width = 80
        var height = 24
        var ascii = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "steps-80x24", keys: [.down, .down]),
        Case(name: "steps-80x24-ascii", keys: [.down], ascii: true),
        Case(name: "detail-80x24", keys: [.down, .down, .enter]),
        Case(name: "detail-120x40", keys: [.enter], width: 120, height: 40),
        Case(name: "roadmap-80x24", keys: [.character("r")]),
        Case(name: "roadmap-80x24-scrolled", keys: [.character("r"), .pageDown, .down]),
    ]

    @Test(arguments: cases)
    func frame(_ c: Case) throws {
        let frame = ReviewView.render(
            try Self.report(), Self.state(after: c.keys), size: TerminalSize(width: c.width, height: c.height),
            glyphs: c.ascii ? .ascii : .unicode)
        try Self.expectGolden(frame, c.name)
    }

    @Test func keysMoveBetweenPagesAndQLeaves() {
        #expect(Self.state(after: [.enter]).page == .detail)
        #expect(Self.state(after: [.enter, .escape]).page == .steps)
        #expect(Self.state(after: [.enter, .character("r")]).page == .roadmap)
        #expect(Self.state(after: [.character("r"), .character("r")]).page == .steps)
        #expect(Self.state(after: [.down, .down, .down, .down, .down]).cursor == 3)
        #expect(Self.state(after: [.enter, .character("n"), .character("n")]).cursor == 2)
        #expect(Self.state(after: [.character("q")]).quit)
        #expect(Self.state(after: [.enter, .character("q")]).quit)
        #expect(Self.state(after: [.character("r"), .interrupt]).quit)
    }

    @Test func aTinyTerminalAsksForRoom() throws {
        let frame = ReviewView.render(try Self.report(), ReviewState(), size: TerminalSize(width: 30, height: 4), glyphs: .unicode)
        #expect(frame.rows[0].hasPrefix("Enlarge the terminal"))
    }
}

/// The review in a real terminal (tmux): it opens on the step list, walks to the roadmap
/// and back, and `q` leaves with exit code 0.
@Suite("coldread review in a terminal")
struct ReviewTerminalTests {
    @Test func opensWalksAndLeavesWithQ() async throws {
        let project = try FacilitatorProject(runs: ["20260217T011700Z-ana": try FacilitatorProject.mixedDrill()])
        defer { project.remove() }
        let pane = try await TmuxSession(command: "\(FacilitatorProject.binary) review latest; echo EXIT=$?", directory: project.root,
                                   environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        try await pane.waitFor("Enter detail")
        try await pane.send("r")
        try await pane.waitFor("Roadmap: 5 gaps")
        try await pane.send("Escape")
        try await pane.waitFor("Enter detail")
        try await pane.send("Down")
        try await pane.send("Enter")
        try await pane.waitFor("Step 2 of 4")
        try await pane.send("q")
        let screen = try await pane.waitFor("EXIT=0")
        #expect(!screen.contains("Enter detail"))
    }

    @Test func refusesWithoutATerminal() async throws {
        let project = try FacilitatorProject(runs: ["r1": try FacilitatorProject.mixedDrill()])
        defer { project.remove() }
        let result = try await project.run("review", "latest")
        #expect(result.status == 2)
        #expect(result.stderr.contains("expected a terminal"))
    }
}
