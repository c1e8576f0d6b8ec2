/// The report's output formats (`coldread report --format`).
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, json, html, junit

    public func render(_ report: RunReport) -> String {
        switch self {
        case .md: return MarkdownReport.render(report)
        case .json: return JSONReport.render(report)
        case .html: return HTMLReport.render(report)
        case .junit: return JUnitReport.render(report)
        }
    }
}
