/// When an action happened, read once by the runner so the reducer never reads a
/// clock: replaying the same stamped actions always gives the same state and journal.
public struct ActionStamp: Hashable, Sendable {
    /// The run timeline's milliseconds since this process began (`RunTimeline.processMs`).
    public var processMs: Int
    /// RFC 3339 UTC with milliseconds, for the journal lines this action records.
    public var wall: String
}

extension RunTimeline {
    /// The clock's reading now, as the runner stamps each action with it.
    public func stamp() -> ActionStamp {
        ActionStamp(processMs: processMs(), wall: wallStamp())
    }
}
