import ArgumentParser
import Jobs

/// `coldread merge RUN_ID…`: the shard runs of one dry-run (`--shard K/N` on each CI
/// worker, folders copied into Drills/runs/) combined into one run and one report.
struct MergeCommand: AsyncParsableCommand, ReportWriting {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard runs of one dry-run into one run and one report.",
        discussion: "Copy each shard's run folder into Drills/runs/ first. Runs of another coldread.yaml, another scenario, or overlapping or missing shards are refused. Exit 0 when the merged run is clean, 1 when anything is blocked.")
    static let reportName = "merged report"

    @Argument(help: ArgumentHelp("The shard runs: run ids or unique prefixes of them.", valueName: "run-id"))
    var runIDs: [String]

    @OptionGroup var report: ReportOutputOptions<MergeCommand>

    @OptionGroup var configOptions: ConfigOptions

    func run() async throws {
        let format = try report.read(command: "merge", hint: "--format junit writes one JUnit file for CI")
        let directory = try configOptions.loadDirectory()
        let merged = try await ShardMerge(runIDs: runIDs, format: format).run(directory: directory)
        try report.write(merged.text)
        if merged.exitCode != 0 { throw ExitCode(merged.exitCode) }
    }
}
