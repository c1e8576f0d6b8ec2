import DrillKit
import Foundation
import RunbookKit

/// Reads what the summary's next drill date depends on: this runbook's finished runs in
/// `Drills/runs` and the incidents in `Drills/incidents.yaml`, as `coldread schedule`
/// reads them.
enum DrillCadenceFiles {
    /// Nil when `incidents.yaml` cannot be read: the summary then points at `coldread
    /// schedule`, which names the problem, rather than showing a date that ignores it.
    static func read(drills: DrillJournals, runbook: Runbook, directory: Directory) -> DrillCadence? {
        let known = KnownRunbooks([(runbook.id, runbook.path)])
        let runs = drills.runs.compactMap { _, events -> DrillRecord? in
            guard let record = DrillRecord(events: events),
                  known.match(record.runbookId, path: record.runbookPath) != nil else { return nil }
            var matched = record
            matched.runbookId = runbook.id
            return matched
        }
        let root = ProjectDirectory.root(of: directory)
        guard let incidents = try? IncidentsLoader.load((root == "." ? "" : root + "/") + "Drills/incidents.yaml") else { return nil }
        return DrillCadence(policy: directory.cadence, earlierRuns: runs,
                            incidents: incidents.filter { known.match($0.runbook, path: nil) != nil }.map { incident in
                                var matched = incident
                                matched.runbook = runbook.id
                                return matched
                            })
    }
}
