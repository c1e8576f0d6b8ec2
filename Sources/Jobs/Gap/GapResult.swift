import ReportKit
import RunbookKit

/// What `gap` found: per runbook, per step, what only the author side can do, what is
/// unknown, and the steps that work for both or for neither.
public struct GapResult: Sendable {
    public struct RunbookGaps: Sendable {
        public var id: String
        public var path: String
        public var steps: [GapStep]
    }

    public var author: GapParty
    public var authors: [String]
    public var reader: GapParty
    public var readers: [String]
    public var accessSource: String
    /// People probed without credentials because the file has no profile for them.
    public var peopleWithoutProfile: [String]
    public var runbooks: [RunbookGaps]

    public var gapCount: Int { runbooks.reduce(0) { $0 + $1.steps.filter { $0.verdict == .gap }.count } }
    public var unknownCount: Int { runbooks.reduce(0) { $0 + $1.steps.filter { $0.verdict == .unknown }.count } }

    /// 1 when some step works only for the author, or when an answer was unknown (unknown
    /// is never a pass); 0 when the reader side can do everything the author side can.
    public var exitCode: Int32 { gapCount > 0 || unknownCount > 0 ? 1 : 0 }

    /// One `author-only` finding per gap check, at the step, for the SARIF and GitHub
    /// formats (a pull request's annotation lands on the step).
    public var findings: [Finding] {
        runbooks.flatMap { runbook in
            runbook.steps.flatMap { step in
                zip(step.gaps, step.remedies).map { check, remedies in
                    Finding(rule: .authorOnly, location: step.location,
                            message: "step \(step.index) \"\(step.title)\": \(GapWording.gapLine(check, author: author, reader: reader)); " + remedies.joined(separator: " "),
                            runbookId: runbook.id, step: step.index)
                }
            }
        }
    }
}
