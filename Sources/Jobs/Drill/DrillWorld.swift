import DrillKit
import Foundation
import ProbeKit
import ReportKit
import RunbookKit
import TerminalUI

/// The drill's effects on the world: background probes, as the reader, whose results
/// are posted to the inbox (the UI loop never waits for them), and the report files.
public final class DrillWorld: DrillServices, Sendable {
    private let setup: DrillSetup
    private let inbox: ActionInbox
    private let session: ProbeSession

    public init(setup: DrillSetup, inbox: ActionInbox, credentials: Credentials = .none) {
        self.setup = setup
        self.inbox = inbox
        session = ProbeSession(access: setup.access, directory: setup.directory, sandbox: setup.scenario?.sandbox,
                               credentials: credentials)
    }

    public func startProbes(steps: [Int], of state: DrillState) {
        var runbook = state.context.runbook
        let wanted = Set(steps)
        runbook.steps = runbook.steps.filter { wanted.contains($0.index) }
        forward(session.run([runbook], as: .reader(state.context.reader)))
    }

    /// The `r` key: only this step's URLs, commands and scopes are forgotten and asked again.
    public func reprobe(step: Int, of state: DrillState) {
        forward(session.reprobe(step: step, of: state.context.runbook, as: .reader(state.context.reader)))
    }

    private func forward(_ events: AsyncStream<ProbeRunEvent>) {
        Task { [inbox] in
            for await case .result(_, let result) in events {
                inbox.post(.probeResult(result))
            }
        }
    }

    /// The full report (with its roadmap) rebuilt from the journal on disk, the same way
    /// `coldread report` rebuilds it later.
    public func writeReport(_ state: DrillState) throws {
        let journal = try JournalReader.read(state.context.journalPath)
        _ = try ReportFiles.write(events: journal.events, runbook: state.context.runbook, directory: setup.directory,
                                  into: state.context.runFolder, redaction: Outbound.redaction)
    }

    public func shutdown() async {
        await session.shutdown()
    }
}
