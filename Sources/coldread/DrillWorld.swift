import DrillKit
import Foundation
import RunbookKit
import TerminalUI

/// The drill's effects on the world: background probes that post results to the
/// inbox, and the report files.
final class DrillWorld: DrillServices, Sendable {
    private let setup: DrillSetup
    private let inbox: ActionInbox

    init(setup: DrillSetup, inbox: ActionInbox) {
        self.setup = setup
        self.inbox = inbox
    }

    func startProbes(steps: [Int], of state: DrillState) {
        _ = (steps, state)
    }

    func writeReport(_ state: DrillState) throws {
        try DrillReportFiles.write(state)
    }
}
