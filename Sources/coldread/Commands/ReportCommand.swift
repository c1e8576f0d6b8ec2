import ArgumentParser
import Jobs
import ReportKit

/// `coldread report RUN_ID|latest`: rebuilds a run's report from its journal.
struct ReportCommand: AsyncParsableCommand, ReportWriting {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild a drill or dry-run report from its journal.",
        discussion: "Reads Drills/runs/<run-id>/journal.jsonl beside coldread.yaml. Exit 0 when the run was clean, 1 when a step was blocked."
    )
    static let reportName = "report"

    @OptionGroup var reference: RunReference

    @OptionGroup var report: ReportOutputOptions<ReportCommand>

    @Option(name: .long, help: "otlp: also send the run's trace and metrics to the collector OTEL_EXPORTER_OTLP_ENDPOINT or telemetry: names (back-fills a past run).")
    var export: String?

    @Option(name: .long, help: "Instead of one run: this runbook's trend across drills (with --format html).")
    var history: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() async throws {
        let format = try report.read(command: "report", hint: "--format html writes one self-contained file")
        let directory = try configOptions.loadDirectory()
        if let history {
            return try report.write(HistoryJob(runbook: history).page(directory: directory, format: format))
        }
        let rebuilt = try ReportRebuild(runID: reference.runID, format: format).run(directory: directory)
        if let export {
            try await RunPublishing.backfill(runId: rebuilt.runId, to: export, directory: directory).forEach(StandardError.write)
        }
        try report.write(rebuilt.text)
        if rebuilt.exitCode != 0 { throw ExitCode(rebuilt.exitCode) }
    }
}
