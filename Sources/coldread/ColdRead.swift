import ArgumentParser
import Foundation
import Jobs
import RunbookKit

/// The `coldread` executable: argument parsing only; the kits do the work.
@main
struct ColdRead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coldread",
        abstract: "Cold drills of incident runbooks, checked as the reader who will be paged.",
        version: "0.1.0",
        subcommands: [
            Lint.self,
            Init.self,
            Probe.self,
            Drill.self,
            DryRun.self,
            MergeCommand.self,
            ReportCommand.self,
            HistoryCommand.self,
            ScheduleCommand.self,
            IncidentCommand.self,
            ReviewCommand.self,
            Access.self,
            Show.self,
            GapCommand.self,
            ScenarioCommand.self,
        ]
    )

    /// Maps every failure onto DESIGN.md's exit codes: 0 clean, 1 findings, 2 usage,
    /// config or input error, 3 internal error. Errors are one line on stderr.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            failure.lines.forEach(StandardError.write)
            Foundation.exit(failure.exitCode)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            usageError(error, isUsage: code == .validationFailure).forEach(StandardError.write)
            Foundation.exit(code == .validationFailure ? 2 : 3)
        }
    }

    /// A usage error as one line plus a hint that names the subcommand's help, instead of
    /// ArgumentParser's full usage block: the reader of a CI log needs what went wrong.
    static func usageError(_ error: any Error, isUsage: Bool) -> [String] {
        let names = configuration.subcommands.map { $0._commandName }
        let command = (["coldread"] + CommandLine.arguments.dropFirst().prefix { $0.hasPrefix("-") == false }
            .prefix(1).filter(names.contains)).joined(separator: " ")
        let text = message(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let line = "\(command): error: \(text.isEmpty ? "\(error)" : text)"
        return isUsage ? [line, "hint: see `\(command) --help`"] : [line]
    }
}
