import DrillKit
import ReportKit

/// What a step amounts to for dashboards: passed, failed, unknown (a probe concluded
/// nothing, which is never a pass), skipped, or never reached. A dry-run's step fails
/// when a probe would stop the reader; a drill's when the reader was blocked.
public enum StepVerdict: String, CaseIterable, Sendable {
    case pass, fail, unknown, skipped
    case notReached = "not_reached"

    public init(_ step: StepReport, kind: RunKind) {
        if step.status == .blocked || (kind == .dryRun && step.probes.contains { $0.outcome.blocks }) {
            self = .fail
        } else if step.probes.contains(where: { $0.outcome.isInconclusive }) {
            self = .unknown
        } else if step.status == .skipped {
            self = .skipped
        } else if kind == .drill && (step.status == .notReached || step.status == .inProgress) {
            self = .notReached
        } else {
            self = .pass
        }
    }
}
