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
            EventLoopExecutor.install(for: command)
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
            let failure = CommandFailure.commandLine(message(for: error), fallback: "\(error)", command: commandName(),
                                                     isUsage: code == .validationFailure)
            failure.lines.forEach(StandardError.write)
            Foundation.exit(failure.exitCode)
        }
    }

    /// `coldread` and the subcommand the arguments name, for the error line.
    static func commandName() -> String {
        let names = configuration.subcommands.map { $0._commandName }
        return (["coldread"] + CommandLine.arguments.dropFirst().prefix { $0.hasPrefix("-") == false }
            .prefix(1).filter(names.contains)).joined(separator: " ")
    }
}
