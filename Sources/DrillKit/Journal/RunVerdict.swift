/// Whether a run was clean, computed from the outcomes its journal records, never read
/// from the `finished` event's `clean` flag: a flag can be edited or written by a faulty
/// tool, and a run with a blocked step must never count as clean (it would reset the
/// cadence streak). Reports, the cadence and the history all take it from here.
public struct RunVerdict: Hashable, Sendable {
    /// Steps whose final outcome (after undo) is blocked, as (runbook id, step).
    public var blockedSteps: [BlockedStep]
    /// Runbooks a dry-run noted as not loading or failing lint.
    public var failedRunbooks: [String]

    public struct BlockedStep: Hashable, Sendable {
        public var runbookId: String?
        public var step: Int
    }

    public var clean: Bool { blockedSteps.isEmpty && failedRunbooks.isEmpty }

    /// The notes a dry-run journals for a runbook that failed before probing counted.
    public static let failureNotePrefixes = [DryRunHealth.loadFailureNotePrefix, DryRunHealth.lintFailureNotePrefix]

    public init(events: [JournalEvent]) {
        var outcomes: [BlockedStep: (seq: Int, blocked: Bool)] = [:]
        var history: [Int: (key: BlockedStep, previous: (seq: Int, blocked: Bool)?)] = [:]
        var failed: [String] = []
        for event in events {
            switch event.type {
            case .stepDone, .stepSkipped, .stepBlocked:
                guard let step = event.step else { continue }
                let key = BlockedStep(runbookId: event.runbookId, step: step)
                history[event.seq] = (key, outcomes[key])
                outcomes[key] = (event.seq, event.type == .stepBlocked)
            case .undone:
                guard let target = event.undoes, let change = history.removeValue(forKey: target),
                      outcomes[change.key]?.seq == target else { continue }
                outcomes[change.key] = change.previous
            case .note:
                let text = event.text ?? ""
                if let id = event.runbookId, Self.failureNotePrefixes.contains(where: text.hasPrefix) { failed.append(id) }
            default:
                continue
            }
        }
        blockedSteps = outcomes.filter(\.value.blocked).map(\.key)
            .sorted { ($0.runbookId ?? "", $0.step) < ($1.runbookId ?? "", $1.step) }
        failedRunbooks = failed
    }

    /// A one-line description of what makes the run unclean, for warnings.
    public var why: String {
        var parts: [String] = []
        if !blockedSteps.isEmpty {
            let steps = blockedSteps.prefix(5).map { ($0.runbookId.map { $0 + " " } ?? "") + "step \($0.step)" }
            parts.append("\(blockedSteps.count) blocked (\(steps.joined(separator: ", ")))")
        }
        if !failedRunbooks.isEmpty { parts.append("\(failedRunbooks.count) runbook(s) failed to load or lint") }
        return parts.isEmpty ? "no step is blocked" : parts.joined(separator: "; ")
    }
}
