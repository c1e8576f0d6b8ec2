import Foundation
import RunbookKit

/// Numbers, stamps and appends a run's events for a writer that is not the drill's
/// reducer (the headless dry-run, a merge of shard runs): the same `JournalWriter`, the
/// same event types and the same sequence numbers (1, 2, 3, … with no gap) as a drill,
/// shared safely by concurrent tasks. It keeps what it appended, so a run can fold its
/// own record into its reports and they say exactly what `coldread report` says later.
public actor JournalRecorder {
    private let writer: JournalWriter
    private let timeline: RunTimeline
    private var seq = 0
    /// Every event appended so far, in order, as written (before redaction).
    public private(set) var events: [JournalEvent] = []

    /// Opens (creating) the journal at `path`; `clock` stamps every event.
    public init(path: String, clock: any DrillClock, redaction: Redaction = .standard) throws(JournalWriter.WriteError) {
        writer = try JournalWriter(path: path, redaction: redaction)
        timeline = RunTimeline(clock: clock)
    }

    /// Milliseconds since the recorder opened the journal: the run's time so far.
    public func elapsedMs() -> Int { timeline.processMs() }

    /// Appends `event` stamped now (wall clock and the run's monotonic milliseconds) with
    /// the next number, and returns it as written.
    @discardableResult
    public func record(_ event: JournalEvent) throws(JournalWriter.WriteError) -> JournalEvent {
        var event = event
        event.at = timeline.wallStamp()
        event.monoMs = timeline.processMs()
        return try append(event)
    }

    /// Appends `events` one after another, stamped now, with no other event between them:
    /// one runbook's record stays together however many runbooks finish at once.
    public func record(contentsOf events: [JournalEvent]) throws(JournalWriter.WriteError) {
        for event in events { try record(event) }
    }

    /// Appends an event another run recorded, keeping its stamps and giving it the next
    /// number here (a merge of shard runs).
    @discardableResult
    public func carry(_ event: JournalEvent) throws(JournalWriter.WriteError) -> JournalEvent {
        try append(event)
    }

    private func append(_ event: JournalEvent) throws(JournalWriter.WriteError) -> JournalEvent {
        var event = event
        event.seq = seq + 1
        try writer.append(event)
        seq += 1
        events.append(event)
        return event
    }
}
