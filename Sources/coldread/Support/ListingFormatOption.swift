import ArgumentParser
import Jobs

/// `--format text|json` of the facilitator's listings (`history`, `schedule`): one flag
/// with one help line, read into the listing's own format with one error line.
struct ListingFormatOption: ParsableArguments {
    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    /// The format, or a line for `command` that ends with `hint`.
    func read<Format: RawRepresentable<String>>(_: Format.Type, command: String, hint: String) throws(CommandFailure) -> Format {
        guard let read = Format(rawValue: format) else {
            throw .input("coldread \(command): --format expected text or json, found '\(format)' (hint: \(hint))")
        }
        return read
    }
}
