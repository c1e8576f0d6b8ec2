import Foundation
import Yams

/// A real incident that showed a runbook to have a gap (`Drills/incidents.yaml`). It puts
/// the runbook on the faster drill cadence.
public struct Incident: Hashable, Sendable {
    /// The runbook's id.
    public var runbook: String
    /// Calendar date, `YYYY-MM-DD`.
    public var date: String
    public var note: String
    public var location: SourceLocation
}

/// Reads and writes `Drills/incidents.yaml`: `incidents: [{runbook, date, note}]`.
public enum IncidentsLoader {
    /// Incidents in file order; a missing file means none yet.
    public static func load(_ path: String) throws(LoadErrors) -> [Incident] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let (text, _) = try SourceText.read(path)
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(LoadErrors) -> [Incident] {
        let sink = ErrorSink()
        var incidents: [Incident] = []
        if let root = YAMLText.parse(text, file: file, sink: sink), let pairs = root.mapping(sink, expected: "a mapping with 'incidents:'") {
            for (key, keyLocation, value) in pairs {
                guard key == "incidents" else {
                    sink.add(keyLocation, expected: "incidents", found: "'\(key)'")
                    continue
                }
                if value.isNull { continue }
                incidents += (value.sequence(sink, expected: "a list of {runbook, date, note}") ?? []).map { incident($0, sink) }
            }
        }
        try sink.throwIfAny()
        return incidents
    }

    /// One `{runbook, date, note}` entry; a missing runbook or date is an error at the entry.
    private static func incident(_ item: YAMLValue, _ sink: ErrorSink) -> Incident {
        var incident = Incident(runbook: "", date: "", note: "", location: item.location)
        var sawDate = false
        for (k, kl, v) in item.mapping(sink, expected: "{runbook, date, note}") ?? [] {
            switch k {
            case "runbook": incident.runbook = v.string(sink, expected: "a runbook id") ?? ""
            case "date":
                sawDate = true
                let date = v.string(sink, expected: "a date such as 2026-03-14") ?? ""
                if isCalendarDate(date) { incident.date = date }
                else { sink.add(v.location, expected: "a date such as 2026-03-14", found: "'\(date)'") }
            case "note": incident.note = v.string(sink, expected: "a note") ?? ""
            default: sink.add(kl, expected: "runbook, date or note", found: "'\(k)'")
            }
        }
        if incident.runbook.isEmpty {
            sink.add(item.location, expected: "a 'runbook:' id", found: "none", hint: "name the runbook the incident showed a gap in")
        }
        if !sawDate { sink.add(item.location, expected: "a 'date:' such as 2026-03-14", found: "none") }
        return incident
    }

    /// The text `path` is rewritten with to record one more incident: the entries it holds
    /// (a missing file holds none), then the new one, under the file's leading comment
    /// lines (`defaultHeader` for a new file). Throws `LoadErrors` when the entries there
    /// do not read, and Yams' error when the new text cannot be written.
    public static func text(of path: String, adding runbook: String, date: String, note: String) throws -> String {
        var incidents = try load(path)
        incidents.append(Incident(runbook: runbook, date: date, note: note, location: SourceLocation(file: path, line: 1)))
        let header = (try? String(contentsOfFile: path, encoding: .utf8)).map(header(of:)) ?? defaultHeader
        return try render(incidents, header: header)
    }

    /// The comment a new file starts with.
    public static let defaultHeader = "# Real incidents that revealed runbook gaps (coldread incident). They put a runbook on the monthly drill cadence."

    /// The file's text for these incidents, written by Yams. Every value is double-quoted,
    /// so notes with colons, quotes or newlines survive the round trip. Yams keeps no
    /// comments, so the file's leading comment lines (`header`) are carried over by hand;
    /// comments between entries are lost, as they were before.
    public static func render(_ incidents: [Incident], header: String = defaultHeader) throws -> String {
        let entries = incidents.map { incident in
            Node([
                (Node("runbook"), quoted(incident.runbook)),
                (Node("date"), quoted(incident.date)),
                (Node("note"), quoted(incident.note)),
            ])
        }
        let document = Node([(Node("incidents"), Node(entries))])
        let yaml = try Yams.serialize(node: document, width: -1, allowUnicode: true)
        return (header.isEmpty ? "" : header + "\n") + indentingEntries(yaml)
    }

    /// The leading comment lines of an existing file, to keep them when it is rewritten.
    public static func header(of text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("#") }
            .joined(separator: "\n")
    }

    private static func quoted(_ text: String) -> Node {
        Node(text, .implicit, .doubleQuoted)
    }

    /// libyaml writes a mapping's block sequence flush with its key; the file has always
    /// indented the entries under `incidents:`, so every line after the key moves right.
    private static func indentingEntries(_ yaml: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line in
            index == 0 || line.isEmpty ? String(line) : "  " + line
        }.joined(separator: "\n")
    }

    /// `YYYY-MM-DD` naming a day the calendar has: `2026-02-30` and `2025-02-29` are not.
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        // The calendar rolls a day it does not have into the next month: read it back.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let asked = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: asked) else { return false }
        return calendar.dateComponents([.year, .month, .day], from: date) == asked
    }
}
