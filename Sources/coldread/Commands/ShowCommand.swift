import ArgumentParser
import Jobs

extension RunbookShow.Format: ExpressibleByArgument {}

/// `coldread show`: a runbook as ColdRead reads it, so an author can see why a step
/// reads as it does.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print runbooks as ColdRead reads them: briefing, contacts, and each step with its line, tools, links and declarations.",
        discussion: "The JSON (--format json) is a stable interface with \"version\": 1; see docs/show.md. Exit 0, or 2 when a runbook does not load.")

    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "Runbook files or folders.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: RunbookShow.Format = .text

    func run() throws {
        let directory = try configOptions.loadDirectory()
        StandardOutput.write(try RunbookShow(paths: paths, format: format).run(directory: directory))
    }
}
