import ChildProcess
import Foundation
import Testing

/// The real binary in a real terminal (tmux), driven by keys.
@Suite("coldread drill in a terminal", .serialized)
struct DrillEndToEndTests {
    @Test func aWholeExampleDrillWritesTheJournalAndTheReport() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try TmuxSession(command: project.drill() + "; echo EXIT=$?", directory: project.root,
                                   environment: DrillProject.terminal)
        try tmux.waitFor("Press Enter to start the timer")
        let briefing = try tmux.screen()
        #expect(briefing.contains("02:17: answerbot is confidently wrong"))
        #expect(briefing.contains("AnswerbotWrongAnswerRate"))
        try tmux.send("Enter")
        try tmux.waitFor("Step 1 of 4")
        try tmux.send("d")
        try tmux.waitFor("Step 2 of 4")
        try tmux.send("b")
        try tmux.waitFor("Why were you blocked at step 2?")
        try tmux.send("3")
        try tmux.waitFor("Enter alone to skip")
        try tmux.send("dashboard 404", literal: true)
        try tmux.send("Enter")
        let stepThree = try tmux.waitFor("Step 3 of 4")
        #expect(stepThree.contains("The AI team's product manager is not answering Slack."))
        try tmux.send("n")
        try tmux.waitFor("Note for step 3")
        try tmux.send("used break-glass", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("- used break-glass")
        try tmux.send("s")
        try tmux.waitFor("Step 4 of 4")
        try tmux.send("d")
        let summary = try tmux.waitFor("Drill finished: not clean, 1 step blocked")
        #expect(summary.contains("report.md"))
        try tmux.send("x")
        let after = try tmux.waitFor("EXIT=1")
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
    @Test func theReadmeCommandWithoutUSERLetsTheReaderPickThemselves() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let login = try #require(getpwuid(geteuid())).pointee.pw_name.map { String(cString: $0) } ?? "unknown"
        let command = "exec env -u USER \(DrillProject.binary) drill Runbooks/agent-wrong-answers.md --scenario Drills/wrong-answers-0217.yaml"
        let tmux = try TmuxSession(command: command, directory: project.root, environment: DrillProject.terminal)
        defer { tmux.kill() }
        let briefing = try tmux.waitFor("Press Enter to start the timer")
        #expect(briefing.contains("Reader \(login)"))
        #expect(briefing.contains("Who are you? Press a number"))
        #expect(briefing.contains("2  ben"))
        try tmux.send("2")
        try tmux.waitFor("Reader ben")
        try tmux.send("Enter")
        let step = try tmux.waitUntil("a scope answer") { $0.contains("not held") }
        #expect(step.contains("reader ben"))
        try tmux.send("Down")
        try tmux.waitFor("Step 2 of 4")
        try tmux.waitUntil("grafana:read held on step 2", seconds: 30) { $0.contains("✓ held") }
        try tmux.send("q")
        try tmux.waitUntil("the drill to pause") { $0.contains("Paused drill") || $0.contains("Pane is dead") }
    }

    @Test func aKilledDrillResumesWithoutLosingAnAcknowledgedEvent() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let first = try TmuxSession(command: "exec " + project.drill(), directory: project.root, environment: DrillProject.terminal)
        try first.waitFor("Press Enter to start the timer")
        try first.send("Enter")
        try first.waitFor("Step 1 of 4")
        try first.send("d")
        try first.waitFor("Step 2 of 4")
        try first.send("b")
        try first.waitFor("Why were you blocked")
        try first.send("2")
        try first.send("Enter")
        try first.waitFor("Step 3 of 4")
        let pid = try first.panePid()
        #expect(kill(pid, SIGKILL) == 0)
        first.kill()

        let runId = try #require(project.runIds().first)
        let before = try project.journal(runId)
        let acknowledged = before.compactMap { $0["type"] as? String }
        #expect(acknowledged.contains("step_done"))
        #expect(acknowledged.contains("step_blocked"))

        let second = try TmuxSession(command: project.drill("--resume \(runId)") + "; echo EXIT=$?", directory: project.root,
                                     environment: DrillProject.terminal)
        try second.waitFor("Resuming \(runId): 2 of 4 steps")
        try second.send("Enter")
        try second.waitFor("Step 3 of 4")
        try second.send("q")
        let paused = try second.waitFor("EXIT=0")
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

        let third = try TmuxSession(command: project.drill() + "; echo EXIT=$?", directory: project.root, environment: DrillProject.terminal)
        try third.waitFor("Unfinished run \(runId)")
        try third.send("n")
        try third.waitFor("Press Enter to start the timer")
        try third.send("q")
        try third.waitFor("EXIT=0")
    }

    @Test func aHangupLeavesAUsableTerminal() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try TmuxSession(command: "sh", directory: project.root, environment: DrillProject.terminal)
        try tmux.send(project.drill() + "; echo EXIT=$?", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("Press Enter to start the timer")
        try tmux.send("Enter")
        try tmux.waitFor("Step 1 of 4")
        let drill = try #require(DrillProject.children(of: try tmux.panePid()).first)
        #expect(kill(drill, SIGHUP) == 0)
        try tmux.waitFor("EXIT=129")
        try tmux.send("stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo STTY-DONE", literal: true)
        try tmux.send("Enter")
        let screen = try tmux.waitUntil("stty output") { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo ") }
        #expect(screen.contains("icanon echo"), "canonical mode and echo are back")
        let runId = try #require(project.runIds().first)
        #expect(try project.journal(runId).last?["type"] as? String == "paused")
    }

    @Test func theScreenFollowsALiveResize() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try TmuxSession(command: project.drill(), directory: project.root, environment: DrillProject.terminal)
        try tmux.waitFor("Press Enter to start the timer")
        try tmux.send("Enter")
        let small = try tmux.waitFor("Step 1 of 4")
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try tmux.resize(width: 120, height: 40)
        try tmux.waitUntil("the header to span 120 columns") { screen in
            screen.split(separator: "\n").contains { $0.contains("elapsed") && $0.count > 110 }
        }
        try tmux.resize(width: 80, height: 24)
        try tmux.waitUntil("the header to fit 80 columns again") { screen in
            screen.split(separator: "\n").contains { $0.contains("elapsed") && $0.count <= 80 && $0.count > 70 }
        }
        try tmux.send("q")
    }

    @Test func aTerminalWithoutCursorAddressingIsRefusedBeforeDrawingAndLeftUsable() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let tmux = try TmuxSession(command: "sh", directory: project.root, environment: DrillProject.terminal)
        defer { tmux.kill() }
        try tmux.send("clear; TERM=dumb " + project.drill() + "; echo EXIT=$?", literal: true)
        try tmux.send("Enter")
        let screen = try tmux.waitFor("EXIT=2")
        #expect(screen.contains("TERM=dumb") && screen.contains("cannot be driven by curses"))
        #expect(!screen.contains("Press Enter to start the timer"), "nothing of the drill was drawn")
        try tmux.send("stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo STTY-DONE", literal: true)
        try tmux.send("Enter")
        let after = try tmux.waitUntil("stty output") { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo ") }
        #expect(after.contains("icanon echo"), "canonical mode and echo are as they were")
        #expect(project.runIds().isEmpty, "no run was started")
    }

    @Test func quittingADrillKillsItsCommandProbesWholeProcessGroup() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let marker = "sleep 61.129"
        try "# Wait\n\n## Steps\n\n1. Check the cluster.\n   <!-- coldread\n   scopes: []\n   probes: [[bash, -c, \"\(marker) & wait\"]]\n   -->\n"
            .write(toFile: project.root + "/Runbooks/wait.md", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(command: "\(DrillProject.binary) drill Runbooks/wait.md --reader ben; echo EXIT=$?", directory: project.root,
                                   environment: DrillProject.terminal)
        defer { tmux.kill() }
        try tmux.waitFor("Press Enter to start the timer")
        try tmux.send("Enter")
        try tmux.waitFor("Step 1 of 1")
        func running() throws -> [Int32] {
            try ChildProcess.run("/usr/bin/pgrep", ["-f", marker]).stdout.split(separator: "\n").compactMap { Int32($0) }
        }
        let until = Date().addingTimeInterval(15)
        while try running().isEmpty && Date() < until { usleep(50_000) }
        #expect(try !running().isEmpty, "the probe started")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        let left = try running()
        #expect(left.isEmpty, "left running: \(left)")
        left.forEach { kill($0, SIGKILL) }
    }

    @Test func withoutATerminalItPointsToDryRun() throws {
        let project = try DrillProject()
        defer { project.remove() }
        let outcome = try ChildProcess.run(DrillProject.binary, ["drill", "Runbooks/agent-wrong-answers.md", "--scenario", "Drills/wrong-answers-0217.yaml"],
                                           in: project.root)
        let text = outcome.stderr
        #expect(outcome.status == 2)
        #expect(text.split(separator: "\n").count == 1)
        #expect(text.contains("coldread dry-run"))
    }
}
