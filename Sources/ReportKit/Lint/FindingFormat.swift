import Foundation
import RunbookKit

/// How `coldread lint` prints findings: for people, for tools, for code scanning and
/// for GitHub Actions annotations.
public enum FindingFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github

    public func render(_ findings: [Finding], filesChecked: Int, toolVersion: String) -> String {
        switch self {
        case .text: return Self.text(findings, filesChecked: filesChecked)
        case .json: return Self.json(findings, filesChecked: filesChecked)
        case .sarif: return SARIFLog(findings: findings, toolVersion: toolVersion).rendered()
        case .github: return Self.github(findings)
        }
    }

    /// `file:line:col: severity: message [rule-id]`, then a one-line summary. Control
    /// characters in a message (a scope with a newline, an ESC) are escaped, so every
    /// finding is exactly one line and none can be forged.
    static func text(_ findings: [Finding], filesChecked: Int) -> String {
        var lines = findings.map { "\(OneLine.escaped($0.location.description)): \($0.severity.rawValue): \(OneLine.escaped($0.message)) [\($0.rule.rawValue)]" }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        lines.append("\(filesChecked) runbook\(filesChecked == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// `{findings: [{rule_id, severity, file, line, column, message, runbook?, step?}],
    /// summary: {files, errors, warnings}, version: 1}`.
    static func json(_ findings: [Finding], filesChecked: Int) -> String {
        FindingsJSON.render(findings, filesChecked: filesChecked)
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
    static func github(_ findings: [Finding]) -> String {
        findings.map { f in
            let command = f.severity == .error ? "error" : (f.severity == .warning ? "warning" : "notice")
            let props = [
                "file=\(escapeProperty(f.location.file))", "line=\(f.location.line)", "col=\(f.location.column)",
                "title=\(escapeProperty("coldread " + f.rule.rawValue))",
            ].joined(separator: ",")
            return "::\(command) \(props)::\(escapeData(f.message))"
        }.joined(separator: "\n")
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
