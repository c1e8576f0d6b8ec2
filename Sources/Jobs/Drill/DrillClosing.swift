import DrillKit
import TerminalUI

extension DrillRunOutcome {
    /// The line printed once the terminal is given back: how to continue a paused drill
    /// (the command as typed, plus `--resume`), or how a finished one went and where its
    /// report is; nil when the reader left at the briefing.
    public func closingLine(runbook: String, scenario: String?) -> String? {
        let context = state.context
        switch exit {
        case .quitBeforeStart:
            return nil
        case .paused:
            var command = "coldread drill \(runbook)"
            if let scenario { command += " --scenario \(scenario)" }
            return "Paused drill \(context.runId) at step \(state.progress.cursor). Continue with: \(command) --resume \(context.runId)"
        case .finished(let clean):
            let blocked = state.progress.blockedSteps.count
            return "Drill \(context.runId) finished: \(clean ? "clean" : "not clean, \(blocked) blocked"). Report: \(context.reportMarkdownPath)"
        }
    }

    /// 128 + the signal that ended the drill, else 1 when it finished not clean, else 0.
    public var exitCode: Int32 {
        if let signal { return 128 + signal }
        if case .finished(clean: false) = exit { return 1 }
        return 0
    }
}
