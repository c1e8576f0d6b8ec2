import ArgumentParser
import Jobs
import ReportKit

/// `--format` of the commands that write a run's report (`report`, `merge`): read into a
/// `ReportFormat` with one error line naming the formats.
struct ReportFormatOption: ParsableArguments {
    @Option(name: .long, help: "md, json, html or junit.")
    var format: String = "md"

    /// The format, or a usage line for `command` that ends with `hint`.
    func read(command: String, hint: String) throws(CommandFailure) -> ReportFormat {
        guard let read = ReportFormat(rawValue: format) else {
            throw .input("coldread \(command): --format expected one of md, json, html, junit, found '\(format)' (hint: \(hint))")
        }
        return read
    }
}
