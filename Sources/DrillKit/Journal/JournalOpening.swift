import Foundation

/// A journal's first event, read from its first line alone. A run's `started` event says
/// what the run is (a drill or a dry-run, of which runbooks, in which scenario), so a
/// command that wants only some runs (the drill's cadence and resume offer, the schedule's
/// latest dry-runs) passes over the others without decoding their events: a nightly
/// dry-run of a few hundred runbooks journals megabytes, and a month of them made the
/// drill's first frame wait seconds.
public enum JournalOpening {
    /// The most read in search of the first line's end; a `started` event naming
    /// thousands of runbooks is well under it.
    static let longestFirstLine = 32 * 1024 * 1024

    /// The `started` event on the journal's first line, or nil when the first line is
    /// anything else (a newer version's event, a torn or unreadable file): then the
    /// caller reads the whole journal, which says what is wrong.
    public static func started(_ path: String) -> JournalEvent? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line = Data()
        while line.count < longestFirstLine {
            guard let chunk = try? handle.read(upToCount: 64 * 1024), !chunk.isEmpty else { break }
            if let end = chunk.firstIndex(of: UInt8(ascii: "\n")) {
                line.append(chunk[chunk.startIndex..<end])
                return event(line)
            }
            line.append(chunk)
        }
        return nil
    }

    private static func event(_ line: Data) -> JournalEvent? {
        guard let event = try? JSONDecoder().decode(JournalEvent.self, from: line), event.type == .started else { return nil }
        return event
    }
}

extension RunStore {
    /// The ids of the runs whose `started` event `wanted` accepts, oldest first. A run
    /// whose first line is not a `started` event is kept: reading it whole decides.
    public func runIds(where wanted: (JournalEvent) -> Bool) -> [String] {
        runIds().filter { runId in JournalOpening.started(journalPath(of: runId)).map(wanted) ?? true }
    }

    /// The ids of the drills (not the dry-runs), oldest first; a journal from before
    /// runs had kinds is a drill's, as `DrillRecord` reads it.
    public func drillRunIds() -> [String] {
        runIds { ($0.kind ?? .drill) == .drill }
    }
}
