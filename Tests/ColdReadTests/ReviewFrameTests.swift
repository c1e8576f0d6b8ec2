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
    /// A tmux pane on a private server socket. tmux's output is read from a file, not a
    /// pipe: the tmux server a client forks may keep a pipe open, so EOF never comes.
    struct Pane {
        let socket = "coldread-review-" + UUID().uuidString.prefix(8)
        let folder: String

        /// Runs one tmux command and returns its stdout. Spawned and reaped by hand
        /// (posix_spawn, waitpid), with stdout in a file: a tmux client that forks the
        /// server must not leave the test waiting on a pipe or a missed child exit.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let out = folder + "/.tmux-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: out) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let env = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { env.forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawnp(&pid, "tmux", &actions, nil, argv, env) == 0 else {
                Issue.record("could not start tmux")
                return ""
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        }

        /// Polls the screen until it shows `text`, or fails after a deadline.
        @discardableResult
        func waitFor(_ text: String, seconds: Double = 15) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var screen = ""
            while Date() < deadline {
                screen = try tmux(["capture-pane", "-p", "-t", "review"])
                if screen.contains(text) { return screen }
                usleep(50_000)
            }
            Issue.record("timed out waiting for '\(text)'; the pane shows:\n\(screen)")
            return screen
        }
    }

    @Test func opensWalksAndLeavesWithQ() throws {
        let project = try FacilitatorProject(runs: ["20260217T011700Z-ana": try FacilitatorProject.mixedDrill()])
        defer { project.remove() }
        let pane = Pane(folder: project.root)
        defer { _ = try? pane.tmux(["kill-server"]) }
        try pane.tmux([
            "new-session", "-d", "-s", "review", "-x", "80", "-y", "24", "-c", project.root, "-e", "TERM=xterm-256color",
            "-e", "LANG=C.UTF-8", "\(FacilitatorProject.binary) review latest; echo EXIT=$?; sleep 30",
        ])
        try pane.waitFor("Enter detail")
        try pane.tmux(["send-keys", "-t", "review", "r"])
        try pane.waitFor("Roadmap: 6 gaps")
        try pane.tmux(["send-keys", "-t", "review", "Escape"])
        try pane.waitFor("Enter detail")
        try pane.tmux(["send-keys", "-t", "review", "Down"])
        try pane.tmux(["send-keys", "-t", "review", "Enter"])
        try pane.waitFor("Step 2 of 4")
        try pane.tmux(["send-keys", "-t", "review", "q"])
        let screen = try pane.waitFor("EXIT=0")
        #expect(!screen.contains("Enter detail"))
    }

    @Test func refusesWithoutATerminal() throws {
        let project = try FacilitatorProject(runs: ["r1": try FacilitatorProject.mixedDrill()])
        defer { project.remove() }
        let result = try project.run("review", "latest")
        #expect(result.status == 2)
        #expect(result.stderr.contains("expected a terminal"))
    }
}
