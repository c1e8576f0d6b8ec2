import ReportKit

/// How `coldread gap` prints its result: its own text or JSON, or its findings as SARIF
/// or GitHub workflow commands, so CI reads a gap as it reads lint.
public enum GapFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github

    public func render(_ result: GapResult, toolVersion: String) -> String {
        switch self {
        case .text: return GapText.render(result)
        case .json: return GapJSON.render(result)
        case .sarif, .github:
            let findings = FindingFormat(rawValue: rawValue) ?? .github
            return findings.render(result.findings, filesChecked: result.runbooks.count, toolVersion: toolVersion) + "\n"
        }
    }
}
