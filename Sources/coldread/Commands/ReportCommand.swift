import ArgumentParser
import Jobs
import ReportKit

/// `coldread report RUN_ID|latest`: rebuilds a run's report from its journal.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild a drill or dry-run report from its journal.",
        discussion: "Reads Drills/runs/<run-id>/journal.jsonl beside coldread.yaml. Exit 0 when the run was clean, 1 when a step was blocked."
    )

    @Argument(help: "A run id, a unique prefix of one, or `latest`.")
    var runID: String = "latest"

    @Option(name: .long, help: "md, json, html or junit.")
    var format: String = "md"

    @Option(name: .long, help: "Write the report to FILE instead of stdout.")
    var output: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        guard let format = ReportFormat(rawValue: format) else {
            throw CommandFailure.input("coldread report: --format expected one of md, json, html, junit, found '\(format)' (hint: --format html writes one self-contained file)")
        }
        let directory = try configOptions.loadDirectory()
        let rebuilt = try ReportRebuild(runID: runID, format: format).run(directory: directory)
        if let output {
            try rebuilt.write(to: output)
        } else {
            StandardOutput.write(rebuilt.text)
        }
        if rebuilt.exitCode != 0 { throw ExitCode(rebuilt.exitCode) }
    }
}
