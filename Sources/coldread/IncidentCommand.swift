import ArgumentParser
import DrillKit
import Foundation
import Jobs
import RunbookKit

/// `coldread incident RUNBOOK --note TEXT`: records a real incident that showed the
/// runbook to have a gap, which puts it on monthly drills.
struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Record a real incident that revealed a gap in a runbook (it moves to monthly drills).",
        discussion: "Appends to Drills/incidents.yaml beside coldread.yaml, creating it when missing."
    )

    @Argument(help: "The runbook's id or path.")
    var runbook: String

    @Option(name: .long, help: "What the incident showed to be missing.")
    var note: String

    @Option(name: .long, help: "The incident's date, YYYY-MM-DD (default: today in the drill slot's time zone).")
    var date: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let directory = try configOptions.loadDirectory()
        let slot = DrillSlot(policy: directory.cadence)
        let day = date ?? slot.day(of: Date())
        guard IncidentsLoader.isCalendarDate(day), slot.startOfDay(day) != nil else {
            throw CommandFailure.input("coldread incident: --date expected a date such as 2026-03-14, found '\(day)'")
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommandFailure.input("coldread incident: --note expected what the incident showed to be missing, found nothing (hint: --note \"the trace store needs an account the rotation lacks\")")
        }
        let catalog = RunbookCatalog(directory: directory, options: configOptions)
        let id = try catalog.id(of: runbook, requireKnown: true)
        let folder = RunFolders.path("Drills", under: catalog.root)
        let path = folder + "/incidents.yaml"
        var incidents: [Incident]
        do {
            incidents = try IncidentsLoader.load(path)
        } catch {
            throw CommandFailure.input(error)
        }
        incidents.append(Incident(runbook: id, date: day, note: note, location: SourceLocation(file: path, line: 1)))
        let header = (try? String(contentsOfFile: path, encoding: .utf8)).map(IncidentsLoader.header(of:)) ?? IncidentsLoader.defaultHeader
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Outbound.write(IncidentsLoader.render(incidents, header: header), toFile: path)
        } catch {
            throw CommandFailure.input("\(path):1:1: error: expected a writable incidents file, found \(error.localizedDescription) (hint: check the Drills folder's permissions)")
        }
        StandardOutput.write("Recorded an incident for \(id) on \(day) in \(path): \(id) is now on \(directory.cadence.afterGap.rawValue) drills until \(directory.cadence.cleanRunsToRecover) clean drills in a row (see `coldread schedule`).\n")
    }
}
