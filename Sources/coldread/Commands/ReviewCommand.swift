import ArgumentParser
import DrillKit
import Foundation
import Jobs
import ReportKit
import TerminalUI

/// `coldread review [RUN_ID|latest]`: a finished run, read-only, in the drill's TUI.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a run in the terminal, read-only: steps, timings, probe evidence and the roadmap.",
        discussion: "Keys: arrows move or scroll, Enter opens a step, r shows the roadmap, Esc goes back, q leaves."
    )

    @OptionGroup var reference: RunReference

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let directory = try configOptions.loadDirectory()
        let loaded = try RunFolders(directory: directory).load(reference.runID)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure.input("coldread review: expected a terminal, found none (hint: `coldread report \(loaded.runId)` prints the same report without one)")
        }
        let start = CursesStart()
        let screen = try start.screen(command: "review", alternative: "coldread report")
        defer { screen.end() }
        ReviewLoop.run(loaded.report, on: screen, signals: start.trap)
    }
}
