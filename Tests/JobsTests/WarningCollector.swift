import Synchronization

/// Collects what a job told its `warn` sink, so a test can assert the lines the command
/// would print on stderr.
final class WarningCollector: Sendable {
    private let collected = Mutex<[String]>([])

    var lines: [String] { collected.withLock { $0 } }

    var sink: @Sendable (String) -> Void {
        { line in self.collected.withLock { $0.append(line) } }
    }
}
