import DrillKit
import Foundation
import RunbookKit

/// Writes a finished run's reports into its run folder, where `coldread report` and the
/// end-of-drill screen point the facilitator.
public enum ReportFiles {
    public enum WriteError: Error, CustomStringConvertible {
        case unwritable(path: String, reason: String)
        public var description: String {
            switch self {
            case .unwritable(let path, let reason):
                return "\(path):1:1: error: expected a writable report file, found \(reason) (hint: check the run folder's permissions and free space)"
            }
        }
    }

    /// Writes `report.md` and `report.json` into `folder`, each through the output
    /// `redaction`, and returns their paths.
    @discardableResult
    public static func write(events: [JournalEvent], runbook: Runbook?, directory: Directory?, into folder: String,
                             redaction: Redaction = .standard) throws -> [String] {
        let report = RunReport(events: events, runbook: runbook, directory: directory)
        let files = [
            ("report.md", MarkdownReport.render(report)),
            ("report.json", JSONReport.render(report)),
        ]
        var paths: [String] = []
        for (name, text) in files {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            do {
                try Data(redaction.apply(text).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw WriteError.unwritable(path: path, reason: error.localizedDescription)
            }
            paths.append(path)
        }
        return paths
    }
}
