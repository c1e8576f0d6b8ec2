import ChildProcess
import Foundation
import Testing

/// The real binary in a real terminal (tmux), driven by keys.
@Suite("coldread drill in a terminal", .serialized)
struct DrillEndToEndTests {
    @Test func aWholeExampleDrillWritesTheJournalAndTheReport() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try await TmuxSession(command: project.drill() + "; echo EXIT=$?", directory: project.root,
                                   environment: DrillProject.terminal)
        try await tmux.waitFor("Press Enter to start the timer")
        let briefing = try await tmux.screen()
        #expect(briefing.contains("02:17: answerbot is confidently wrong"))
        #expect(briefing.contains("AnswerbotWrongAnswerRate"))
        try await tmux.send("Enter")
        try await tmux.waitFor("Step 1 of 4")
        try await tmux.send("d")
        try await tmux.waitFor("Step 2 of 4")
        try await tmux.send("b")
        try await tmux.waitFor("Why were you blocked at step 2?")
        try await tmux.send("3")
        try await tmux.waitFor("Enter alone to skip")
        try await tmux.send("dashboard 404", literal: true)
        try await tmux.send("Enter")
        let stepThree = try await tmux.waitFor("Step 3 of 4")
        #expect(stepThree.contains("The AI team's product manager is not answering Slack."))
        try await tmux.send("n")
        try await tmux.waitFor("Note for step 3")
        try await tmux.send("used break-glass", literal: true)
        try await tmux.send("Enter")
        try await tmux.waitFor("- used break-glass")
        try await tmux.send("s")
        try await tmux.waitFor("Step 4 of 4")
        try await tmux.send("d")
        let summary = try await tmux.waitFor("Drill finished: not clean, 1 step blocked")
        #expect(summary.contains("report.md"))
        try await tmux.send("x")
        let after = try await tmux.waitFor("EXIT=1")
        #expect(after.contains("finished: not clean, 1 blocked"))

        let runId = try #require(project.runIds().first)
        let events = try project.journal(runId)
        let types = events.compactMap { $0["type"] as? String }
        #expect(types.first == "started")
        #expect(types.last == "finished")
        for type in ["step_shown", "step_done", "step_blocked", "step_skipped", "note", "inject_shown"] {
            #expect(types.contains(type), "\(type)")
        }
        let blocked = try #require(events.first { $0["type"] as? String == "step_blocked" })
        #expect(blocked["reason"] as? String == "dead_link")
        #expect(blocked["note"] as? String == "dashboard 404")
        #expect(blocked["step"] as? Int == 2)
        let folder = project.root + "/Drills/runs/" + runId
        let report = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(report.contains("not clean: 1 blocked step"))
        #expect(report.contains("Roadmap"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["clean"] as? Bool == false)
        #expect(json["cold"] as? Bool == true)
    }

    /// The README's first command on a fresh machine: no `--reader`, no `$USER`. The
    /// reader is the process's login name, which the directory does not know; the
    /// briefing offers the rotation, and the pick shows real held and not-held scopes.
    @Test func theReadmeCommandWithoutUSERLetsTheReaderPickThemselves() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let login = try #require(getpwuid(geteuid())).pointee.pw_name.map { String(cString: $0) } ?? "unknown"
        let command = "exec env -u USER \(DrillProject.binary) drill Runbooks/agent-wrong-answers.md --scenario Drills/wrong-answers-0217.yaml"
        let tmux = try await TmuxSession(command: command, directory: project.root, environment: DrillProject.terminal)
        defer { tmux.kill() }
        let briefing = try await tmux.waitFor("Press Enter to start the timer")
        #expect(briefing.contains("Reader \(login)"))
        #expect(briefing.contains("Who are you? Press a number"))
        #expect(briefing.contains("2  ben"))
        try await tmux.send("2")
        try await tmux.waitFor("Reader ben")
        try await tmux.send("Enter")
        let step = try await tmux.waitUntil("a scope answer") { $0.contains("not held") }
        #expect(step.contains("reader ben"))
        try await tmux.send("Down")
        try await tmux.waitFor("Step 2 of 4")
        try await tmux.waitUntil("grafana:read held on step 2", seconds: 30) { $0.contains("✓ held") }
        try await tmux.send("q")
        try await tmux.waitUntil("the drill to pause") { $0.contains("Paused drill") || $0.contains("Pane is dead") }
    }

    @Test func aKilledDrillResumesWithoutLosingAnAcknowledgedEvent() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let first = try await TmuxSession(command: "exec " + project.drill(), directory: project.root, environment: DrillProject.terminal)
        try await first.waitFor("Press Enter to start the timer")
        try await first.send("Enter")
        try await first.waitFor("Step 1 of 4")
        try await first.send("d")
        try await first.waitFor("Step 2 of 4")
        try await first.send("b")
        try await first.waitFor("Why were you blocked")
        try await first.send("2")
        try await first.send("Enter")
        try await first.waitFor("Step 3 of 4")
        let pid = try await first.panePid()
        #expect(kill(pid, SIGKILL) == 0)
        first.kill()

        let runId = try #require(project.runIds().first)
        let before = try project.journal(runId)
        let acknowledged = before.compactMap { $0["type"] as? String }
        #expect(acknowledged.contains("step_done"))
        #expect(acknowledged.contains("step_blocked"))

        let second = try await TmuxSession(command: project.drill("--resume \(runId)") + "; echo EXIT=$?", directory: project.root,
                                     environment: DrillProject.terminal)
        try await second.waitFor("Resuming \(runId): 2 of 4 steps")
        try await second.send("Enter")
        try await second.waitFor("Step 3 of 4")
        try await second.send("q")
        let paused = try await second.waitFor("EXIT=0")
        #expect(paused.contains("Paused drill \(runId)"))
        let after = try project.journal(runId)
        #expect(Array(after.prefix(before.count)).map { $0["seq"] as? Int } == before.map { $0["seq"] as? Int })
        let types = after.compactMap { $0["type"] as? String }
        #expect(types.count > before.count && types[before.count] == "resumed", "the resumed run continues the same journal")
        #expect(types.last == "paused")
        let seqs = after.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...seqs.count))
        let monos = after.compactMap { $0["mono_ms"] as? Int }
        #expect(monos == monos.sorted(), "the timeline continues across the kill")

        let third = try await TmuxSession(command: project.drill() + "; echo EXIT=$?", directory: project.root, environment: DrillProject.terminal)
        try await third.waitFor("Unfinished run \(runId)")
        try await third.send("n")
        try await third.waitFor("Press Enter to start the timer")
        try await third.send("q")
        try await third.waitFor("EXIT=0")
    }

    @Test func aHangupLeavesAUsableTerminal() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try await TmuxSession(command: "sh", directory: project.root, environment: DrillProject.terminal)
        try await tmux.send(project.drill() + "; echo EXIT=$?", literal: true)
        try await tmux.send("Enter")
        try await tmux.waitFor("Press Enter to start the timer")
        try await tmux.send("Enter")
        try await tmux.waitFor("Step 1 of 4")
        let drill = try #require(DrillProject.children(of: try await tmux.panePid()).first)
        #expect(kill(drill, SIGHUP) == 0)
        try await tmux.waitFor("EXIT=129")
        try await tmux.send("stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo STTY-DONE", literal: true)
        try await tmux.send("Enter")
        let screen = try await tmux.waitUntil("stty output") { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo ") }
        #expect(screen.contains("icanon echo"), "canonical mode and echo are back")
        let runId = try #require(project.runIds().first)
        #expect(try project.journal(runId).last?["type"] as? String == "paused")
    }

    @Test func theScreenFollowsALiveResize() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try await TmuxSession(command: project.drill(), directory: project.root, environment: DrillProject.terminal)
        try await tmux.waitFor("Press Enter to start the timer")
        try await tmux.send("Enter")
        let small = try await tmux.waitFor("Step 1 of 4")
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try await tmux.resize(width: 120, height: 40)
        try await tmux.waitUntil("the header to span 120 columns") { screen in
            screen.split(separator: "\n").contains { $0.contains("elapsed") && $0.count > 110 }
        }
        try await tmux.resize(width: 80, height: 24)
        try await tmux.waitUntil("the header to fit 80 columns again") { screen in
            screen.split(separator: "\n").contains { $0.contains("elapsed") && $0.count <= 80 && $0.count > 70 }
        }
        try await tmux.send("q")
    }

    @Test func aTerminalWithoutCursorAddressingIsRefusedBeforeDrawingAndLeftUsable() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try await TmuxSession(command: "sh", directory: project.root, environment: DrillProject.terminal)
        defer { tmux.kill() }
        try await tmux.send("clear; TERM=dumb " + project.drill() + "; echo EXIT=$?", literal: true)
        try await tmux.send("Enter")
        let screen = try await tmux.waitFor("EXIT=2")
        #expect(screen.contains("TERM=dumb") && screen.contains("cannot be driven by curses"))
        #expect(!screen.contains("Press Enter to start the timer"), "nothing of the drill was drawn")
        try await tmux.send("stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo STTY-DONE", literal: true)
        try await tmux.send("Enter")
        let after = try await tmux.waitUntil("stty output") { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo ") }
        #expect(after.contains("icanon echo"), "canonical mode and echo are as they were")
        #expect(project.runIds().isEmpty, "no run was started")
    }

    @Test func quittingADrillKillsItsCommandProbesWholeProcessGroup() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let marker = "sleep 61.129"
        try "# Wait\n\n## Steps\n\n1. Check the cluster.\n   <!-- coldread\n   scopes: []\n   probes: [[bash, -c, \"\(marker) & wait\"]]\n   -->\n"
            .write(toFile: project.root + "/Runbooks/wait.md", atomically: true, encoding: .utf8)
        let tmux = try await TmuxSession(command: "\(DrillProject.binary) drill Runbooks/wait.md --reader ben; echo EXIT=$?", directory: project.root,
                                   environment: DrillProject.terminal)
        defer { tmux.kill() }
        try await tmux.waitFor("Press Enter to start the timer")
        try await tmux.send("Enter")
        try await tmux.waitFor("Step 1 of 1")
        func running() async throws -> [Int32] {
            try await ChildProcess.run("/usr/bin/pgrep", ["-f", marker]).stdout.split(separator: "\n").compactMap { Int32($0) }
        }
        let until = Date().addingTimeInterval(15)
        while try await running().isEmpty && Date() < until { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try await !running().isEmpty, "the probe started")
        try await tmux.send("q")
        try await tmux.waitFor("EXIT=0")
        let left = try await running()
        #expect(left.isEmpty, "left running: \(left)")
        left.forEach { kill($0, SIGKILL) }
    }

    @Test func withoutATerminalItPointsToDryRun() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let outcome = try await ChildProcess.run(DrillProject.binary, ["drill", "Runbooks/agent-wrong-answers.md", "--scenario", "Drills/wrong-answers-0217.yaml"],
                                           in: project.root)
        let text = outcome.stderr
        #expect(outcome.status == 2)
        #expect(text.split(separator: "\n").count == 1)
        #expect(text.contains("coldread dry-run"))
    }
}
