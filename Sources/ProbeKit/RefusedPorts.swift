import Synchronization

/// The host ports that refused a connection in this run. A refusal is the host's answer
/// that nothing listens there, not a slow network: its other links are `unreachable` at
/// once, without another connection attempt each (a runbook's dozens of `localhost:9400`
/// links cost one refusal, not dozens), and without waiting for a request slot.
final class RefusedPorts: Sendable {
    private let refused = Mutex<Set<String>>([])

    /// Words for a refusal, the one place they are spelled.
    static func reason(_ host: String) -> String { "\(host) refused the connection" }

    /// Whether `host` refused a connection to `port` earlier in this run. Asked twice for
    /// every request, so the key is spelled only when some port has refused.
    func contains(host: String, port: Int) -> Bool {
        refused.withLock { !$0.isEmpty && $0.contains("\(host):\(port)") }
    }

    func note(host: String, port: Int) {
        refused.withLock { _ = $0.insert("\(host):\(port)") }
    }

    /// Forgets every refusal by `host` (a re-probe asks again).
    func forget(host: String) {
        refused.withLock { $0 = $0.filter { !$0.hasPrefix(host + ":") } }
    }
}
