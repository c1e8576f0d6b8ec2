import RunbookKit

/// How `coldread probe` prints its results: the readable table, or the stable JSON
/// (DESIGN.md's machine-readable interface).
public enum ProbeFormat: String, Sendable, CaseIterable {
    case text, json

    public func render(_ report: [(Runbook, [ProbeResult])]) -> String {
        switch self {
        case .text: return ProbeTable.render(report)
        case .json: return ProbeJSON.render(report) + "\n"
        }
    }
}
