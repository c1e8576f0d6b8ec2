import RunbookKit

/// The identity of a finding across commits, for SARIF `partialFingerprints`: the rule,
/// the runbook, the step's title and what the finding is about (a scope, a host, a
/// rotation), never a line or column. Code scanning matches alerts by it, so an alert
/// keeps its history when lines are added above it, and a new alert opens when the step
/// asks for a different scope.
enum FindingFingerprint {
    /// The `partialFingerprints` key; the version part changes if the recipe ever does.
    static let key = "coldreadFinding/v1"

    static func of(_ finding: Finding) -> String {
        let parts = [
            finding.rule.rawValue,
            finding.runbookId ?? finding.location.file,
            finding.stepTitle ?? "",
            finding.subject ?? "",
        ]
        return sha256Hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }
}
