import ArgumentParser
import Jobs
import ReportKit

/// `--format` and `--output` of the commands that write a run's report (`report`,
/// `merge`): the format read with one error line naming the formats, and the text
/// written to FILE (atomically, redacted) or stdout. `Command` names what is written in
/// `--output`'s help.
struct ReportOutputOptions<Command: ReportWriting>: ParsableArguments {
    @Option(name: .long, help: "md, json, html or junit.")
    var format: String = "md"

    @Option(name: .long, help: ArgumentHelp("Write the \(Command.reportName) to FILE instead of stdout."))
    var output: String?

    /// The format, or a usage line for `command` that ends with `hint`.
    func read(command: String, hint: String) throws(CommandFailure) -> ReportFormat {
        guard let read = ReportFormat(rawValue: format) else {
            throw .input("coldread \(command): --format expected one of md, json, html, junit, found '\(format)' (hint: \(hint))")
        }
        return read
    }

    func write(_ text: String) throws(CommandFailure) {
        try ReportDestination.write(text, to: output)
    }
}

/// A command that writes a run's report, naming what it writes in `--output`'s help.
protocol ReportWriting {
    static var reportName: String { get }
}
