import Foundation

/// One finished run as the cadence sees it: which runbook, when, and whether it was clean
/// (computed from its steps by `RunVerdict`, never read from `finished.clean`).
/// Built from a journal; an interrupted run (no `finished` event) is no record, because it
/// can still be resumed and its result is not known yet.
public struct DrillRecord: Hashable, Sendable {
    public var runId: String
    public var runbookId: String
    /// The runbook's file as the journal recorded it, to tell same-id runbooks apart.
    public var runbookPath: String?
    public var kind: RunKind
    /// When the run finished.
    public var date: Date
    public var clean: Bool

    public init(runId: String, runbookId: String, runbookPath: String? = nil, kind: RunKind, date: Date, clean: Bool) {
        self.runId = runId
        self.runbookId = runbookId
        self.runbookPath = runbookPath
        self.kind = kind
        self.date = date
        self.clean = clean
    }

    /// The record of a finished drill or single-runbook dry-run; nil for an unfinished run
    /// or a journal without a runbook.
    public init?(events: [JournalEvent]) {
        guard let started = events.first(where: { $0.type == .started }),
              let finished = events.last(where: { $0.type == .finished }),
              let runbookId = started.runbook?.id,
              let date = RFC3339.date(finished.at) ?? RFC3339.date(started.at)
        else { return nil }
        self.init(
            runId: started.runId ?? "", runbookId: runbookId, runbookPath: started.runbook?.path, kind: started.kind ?? .drill, date: date,
            clean: RunVerdict(events: events).clean)
    }
}

/// RFC 3339 timestamps as the journal writes them (with or without fractional seconds).
public enum RFC3339 {
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// UTC, whole seconds: `2026-03-10T13:00:00Z`.
    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
