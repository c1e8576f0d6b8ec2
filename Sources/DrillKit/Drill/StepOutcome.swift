/// Where the reader left a step.
public enum StepOutcome: Hashable, Sendable {
    case pending
    case done
    case blocked(BlockedReason, note: String?)
    case skipped

    public var isResolved: Bool { self != .pending }
}

/// One note, attached to the step that was shown when it was written.
public struct DrillNote: Hashable, Sendable {
    public var seq: Int
    public var step: Int?
    public var text: String
}

/// An interval on the run's timeline during which the drill was paused.
public struct PauseSpan: Hashable, Sendable {
    public var startMs: Int
    public var endMs: Int
}
