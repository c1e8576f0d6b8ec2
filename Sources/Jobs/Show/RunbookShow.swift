import ReportKit
import RunbookKit

/// `coldread show`: a runbook as ColdRead reads it, so an author can see why a step
/// reads as it does.
public struct RunbookShow: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    /// Runbook files or folders.
    public var paths: [String]
    public var format: Format
    /// Told what the folder walk passed over (YAML files without `steps:`).
    public var warn: WarningSink

    public init(paths: [String], format: Format, warn: @escaping WarningSink = StandardError.write) {
        (self.paths, self.format, self.warn) = (paths, format, warn)
    }

    /// The runbooks as read, in `format`; any runbook that does not load is an input
    /// error listing every load error.
    public func run(directory: Directory) throws(CommandFailure) -> String {
        let files = try RunbookPaths.some(paths, command: "coldread show", warn: warn)
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
        case .text: return RunbookShowText.render(runbooks)
        case .json: return RunbookView.json(runbooks) + "\n"
        }
    }
}
