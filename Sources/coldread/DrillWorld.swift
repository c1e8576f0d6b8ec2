import DrillKit
import Foundation
import Jobs
import ProbeKit
import ReportKit
import RunbookKit
import Synchronization
import TerminalUI

/// The drill's effects on the world: background probes, as the reader, whose results
/// are posted to the inbox (the UI loop never waits for them), and the report files.
final class DrillWorld: DrillServices, Sendable {
    private let setup: DrillSetup
    private let inbox: ActionInbox
    private let session: ProbeSession
    private let probesStarted = Mutex(false)

    init(setup: DrillSetup, inbox: ActionInbox, credentials: Credentials) {
        self.setup = setup
        self.inbox = inbox
        session = ProbeSession(access: setup.directory, directory: setup.directory, sandbox: setup.scenario?.sandbox,
                               credentials: credentials)
    }

    func startProbes(steps: [Int], of state: DrillState) {
        var runbook = state.context.runbook
        let wanted = Set(steps)
        runbook.steps = runbook.steps.filter { wanted.contains($0.index) }
        let reader = state.context.reader
        // The drill's first probes start once; every later request is the reader's `r`.
        let reprobe = probesStarted.withLock { started in
            defer { started = true }
            return started
        }
        let whole = state.context.runbook
        Task { [session, inbox] in
            let events = reprobe && steps.count == 1
                ? session.reprobe(step: steps[0], of: whole, as: .reader(reader))
                : session.run([runbook], as: .reader(reader))
            for await case .result(_, let result) in events {
                inbox.post(.probeResult(result))
            }
        }
    }

    /// The full report (with its roadmap) rebuilt from the journal on disk, the same way
    /// `coldread report` rebuilds it later.
    func writeReport(_ state: DrillState) throws {
        let journal = try JournalReader.read(state.context.journalPath)
        _ = try ReportFiles.write(events: journal.events, runbook: state.context.runbook, directory: setup.directory,
                                  into: state.context.runFolder, redaction: Outbound.redaction)
    }

    func shutdown() async {
        await session.shutdown()
    }
}
