import DrillKit
import Foundation
import RunbookKit

/// `coldread incident RUNBOOK --note TEXT`: records a real incident that showed the
/// runbook to have a gap, which puts it on monthly drills.
public struct IncidentRecording: Sendable {
    /// The runbook's id or path.
    public var runbook: String
    /// What the incident showed to be missing.
    public var note: String
    /// `YYYY-MM-DD`; nil is today in the drill slot's time zone.
    public var date: String?
    /// The clock that says what "today" is when `date` is nil.
    public var now: @Sendable () -> Date
    /// Told what naming the runbook passed over (a runbook under `Runbooks/` that does not load).
    public var warn: WarningSink

    public init(runbook: String, note: String, date: String?, now: @escaping @Sendable () -> Date = Date.init,
                warn: @escaping WarningSink = StandardError.write) {
        (self.runbook, self.note, self.date, self.now, self.warn) = (runbook, note, date, now, warn)
    }

    /// What was recorded, and where.
    public struct Outcome: Sendable {
        public var runbookId: String
        public var day: String
        public var path: String
        public var cadence: CadencePolicy

        /// The line `coldread incident` prints.
        public var summary: String {
            "Recorded an incident for \(runbookId) on \(day) in \(path): \(runbookId) is now on \(cadence.afterGap.rawValue) drills until \(cadence.cleanRunsToRecover) clean drills in a row (see `coldread schedule`).\n"
        }
    }

    /// Appends the incident to `Drills/incidents.yaml` beside coldread.yaml, creating it
    /// when missing; the file's leading comments are kept.
    public func run(directory: Directory) throws(CommandFailure) -> Outcome {
        let slot = DrillSlot(policy: directory.cadence)
        let day = date ?? slot.day(of: now())
        guard slot.startOfDay(day) != nil else {
            throw CommandFailure.input("coldread incident: --date expected a date such as 2026-03-14, found '\(day)'")
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommandFailure.input("coldread incident: --note expected what the incident showed to be missing, found nothing (hint: --note \"the trace store needs an account the rotation lacks\")")
        }
        let catalog = RunbookCatalog(directory: directory, warn: warn)
        let id = try catalog.id(of: runbook, requireKnown: true)
        let folder = RunFolders.path("Drills", under: catalog.root)
        let path = folder + "/incidents.yaml"
        do {
            let text = try IncidentsLoader.text(of: path, adding: id, date: day, note: note)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Outbound.write(text, toFile: path)
        } catch let error as LoadErrors {
            throw CommandFailure.input(error)
        } catch {
            throw CommandFailure.input("\(path):1:1: error: expected a writable incidents file, found \(error.localizedDescription) (hint: check the Drills folder's permissions)")
        }
        return Outcome(runbookId: id, day: day, path: path, cadence: directory.cadence)
    }
}
