import Foundation
import Synchronization

/// The process groups of command probes still running. Each probe runs in its own
/// session (so its group holds everything it started: `bash -c 'sleep 61 & wait'`), and
/// every way out of a run (deadline, SIGTERM, SIGINT, quitting a drill) kills the
/// groups left here at once, synchronously, so no probe's child outlives ColdRead
/// re-parented to init.
public enum ProbeProcessGroups {
    private static let live = Mutex<Set<pid_t>>([])

    /// Registered while the group's leader is still unreaped, so its id cannot have been
    /// reused by an unrelated group.
    static func enter(_ group: pid_t) { live.withLock { _ = $0.insert(group) } }

    static func leave(_ group: pid_t) { live.withLock { _ = $0.remove(group) } }

    /// Sends SIGKILL to every command probe's whole process group still running.
    public static func killAll() {
        let groups = live.withLock { $0 }
        for group in groups where group > 1 { kill(-group, SIGKILL) }
    }
}
