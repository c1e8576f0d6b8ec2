import ArgumentParser
import Jobs
import ReportKit
import RunbookKit

/// `coldread show`: a runbook as ColdRead reads it, so an author can see why a step
/// reads as it does.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print runbooks as ColdRead reads them: briefing, contacts, and each step with its line, tools, links and declarations.",
        discussion: "The JSON (--format json) is a stable interface with \"version\": 1; see docs/show.md. Exit 0, or 2 when a runbook does not load.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "Runbook files or folders.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let directory = try configOptions.loadDirectory()
        let files = try RunbookPaths.files(paths)
        guard !files.isEmpty else {
            throw CommandFailure.input("coldread show: no runbooks found in \(paths.joined(separator: ", ")) (hint: runbooks are .md files, or .yaml files with steps:)")
        }
        var runbooks: [Runbook] = []
        var errors: [LoadError] = []
        for result in RunbookLoader.loadAll(files, options: LoaderOptions(directory: directory)) {
            switch result {
            case .success(let runbook): runbooks.append(runbook)
            case .failure(let failure): errors += failure.errors
            }
        }
        if !errors.isEmpty { throw CommandFailure.input(LoadErrors(errors)) }
        switch format {
        case .text: StandardOutput.write(RunbookShowText.render(runbooks))
        case .json: StandardOutput.write(RunbookView.json(runbooks) + "\n")
        }
    }
}
