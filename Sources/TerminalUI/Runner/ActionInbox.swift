import DrillKit
import Synchronization

/// Where background work (probe streams) leaves actions for the UI loop. The loop
/// drains it between keys, so the UI never waits on the network.
public final class ActionInbox: Sendable {
    private let pending = Mutex<[DrillAction]>([])

    public init() {}

    public func post(_ action: DrillAction) { pending.withLock { $0.append(action) } }

    /// Takes everything posted since the last drain, oldest first.
    public func drain() -> [DrillAction] { pending.withLock { actions in defer { actions = [] }; return actions } }
}
