import Foundation
import Logging

/// Collects what swift-otel's diagnostic logger says went wrong, so one warning can name
/// what was not sent instead of its log lines reaching the user's terminal.
final class ExportFailures: @unchecked Sendable {
    // @unchecked: every access to `messages` holds `lock`.
    private let lock = NSLock()
    private var messages: [(component: String, text: String)] = []

    func add(component: String, text: String) {
        lock.lock()
        defer { lock.unlock() }
        messages.append((component, text))
    }

    /// Failures of one signal: swift-otel's span processor and exporter for traces, the
    /// metrics reader and exporter for metrics.
    func reasons(matching word: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages.filter { $0.component.localizedCaseInsensitiveContains(word) }.map(\.text)
    }
}

/// A `LogHandler` for swift-otel's diagnostics: warnings and errors are kept, the rest dropped.
struct ExportFailureLog: LogHandler {
    let failures: ExportFailures
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .warning

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level >= .warning else { return }
        let component = metadata["component"].map { "\($0)" } ?? event.source
        let cause = event.error.map { "\($0)" } ?? event.metadata?["error"].map { "\($0)" }
        failures.add(component: component, text: cause.map { "\(event.message): \($0)" } ?? "\(event.message)")
    }
}
