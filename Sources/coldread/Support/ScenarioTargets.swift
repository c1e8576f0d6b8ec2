import ArgumentParser

/// What `probe` and `gap` work on: runbook files or folders, or a scenario whose runbook
/// is taken when none is named (and whose sandbox is served on loopback for the run).
struct ScenarioTargets: ParsableArguments {
    @Argument(help: "Runbook files or folders (default with --scenario: the scenario's runbook).")
    var runbooks: [String] = []

    @Option(help: "A scenario file; its sandbox is served on loopback for this run.")
    var scenario: String?

    func validate() throws {
        if runbooks.isEmpty && scenario == nil {
            throw ValidationError("name a runbook, or a --scenario to take its runbook")
        }
    }
}
