import ReportKit
import RunbookKit

extension HistoryJob {
    /// `report --history RUNBOOK`: the runbook's trend as one self-contained HTML page, for
    /// a facilitator to share; scripts get the same figures from `history --format json`,
    /// so html is the only format it renders.
    public func page(directory: Directory, format: ReportFormat) throws(CommandFailure) -> String {
        _ = try Outbound.loadCredentials()
        guard format == .html else {
            throw .input("coldread report: --history renders html only, found --format \(format.rawValue) (hint: `coldread history RUNBOOK --format json` for scripts)")
        }
        return try run(directory: directory).trend.map(HistoryHTML.render) ?? ""
    }
}
