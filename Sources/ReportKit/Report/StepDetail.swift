/// One line a report lists under a step. The HTML and Markdown reports list the same
/// lines in the same order (why the step was blocked, its probes, notes, injects), each
/// in its own markup, so the order and the words are decided here once.
struct StepDetail: Hashable {
    enum Kind: String {
        case blocked, pass, fail, unknown, note, inject
    }

    var kind: Kind
    /// Plain text; the format that shows it escapes it.
    var text: String

    static func of(_ step: StepReport) -> [StepDetail] {
        var details: [StepDetail] = []
        if let reason = step.blockedReason {
            details.append(StepDetail(kind: .blocked, text: "Blocked: \(reason.label)" + (step.blockedNote.map { " — \($0)" } ?? "")))
        }
        for probe in step.probes {
            let kind: Kind = probe.outcome.blocks ? .fail : probe.outcome.isInconclusive ? .unknown : .pass
            details.append(StepDetail(kind: kind, text: ReportText.evidence(probe)))
        }
        details += step.notes.map { StepDetail(kind: .note, text: "Note: \($0)") }
        details += step.injects.map { StepDetail(kind: .inject, text: "Inject: \($0)") }
        return details
    }
}
