/// A finding as every JSON document shows it: `rule_id`, `severity`, its place, the
/// message, and the runbook and step when the finding names them. `lint --format json`
/// writes these members by hand (`FindingsJSON`, held to JSONEncoder's bytes by a test);
/// the dry-run's JSON encodes this, so a tool that reads one reads the other.
public struct FindingJSONEntry: Encodable, Sendable {
    var rule_id: String
    var severity: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var runbook: String?
    var step: Int?

    public init(_ finding: Finding) {
        rule_id = finding.rule.rawValue
        severity = finding.severity.rawValue
        file = finding.location.file
        line = finding.location.line
        column = finding.location.column
        message = finding.message
        runbook = finding.runbookId
        step = finding.step
    }
}
