import RunbookKit

extension CommandFailure {
    /// A command-line parsing error as one line, plus for a usage error a hint that names
    /// the subcommand's help, instead of ArgumentParser's full usage block: the reader of a
    /// CI log needs what went wrong. `message` is the parser's text (perhaps several
    /// lines), `fallback` the error's own description for when that text is empty.
    public static func commandLine(_ message: String, fallback: String, command: String, isUsage: Bool) -> CommandFailure {
        let text = message.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let line = "\(command): error: \(text.isEmpty ? fallback : text)"
        return CommandFailure(lines: isUsage ? [line, "hint: see `\(command) --help`"] : [line], exitCode: isUsage ? 2 : 3)
    }
}
