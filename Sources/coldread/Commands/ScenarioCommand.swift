import ArgumentParser
import Jobs

/// `coldread scenario`: the facilitator's preparation.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Prepare drill scenarios.",
        subcommands: [New.self]
    )

    /// `coldread scenario new RUNBOOK [--output FILE]`: a draft that loads and probes as it is.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a scenario from a runbook: briefing, alert, clock, budget, injects and a sandbox for its hosts.",
            discussion: "Without --output the draft is printed, naming the runbook relative to Drills/ beside coldread.yaml.")

        @Argument(help: "The runbook to draft a scenario for.")
        var runbook: String

        @Option(help: "Write the draft to FILE (which must not exist yet) instead of stdout.")
        var output: String?

        @OptionGroup var config: ConfigOptions

        func run() throws {
            let directory = try config.loadDirectory()
            let yaml = try ScenarioDraftJob(runbookPath: runbook, outputPath: output, directory: directory).run()
            if let output {
                StandardOutput.write("wrote \(output) (edit its briefing and injects, then: coldread drill --scenario \(output))\n")
            } else {
                StandardOutput.write(yaml)
            }
        }
    }
}
