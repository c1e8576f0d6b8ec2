import Dispatch
import Foundation

/// Turns SIGTERM into a callback, so a headless run can stop cleanly (journal intact)
/// when cron, systemd or Kubernetes asks it to.
/// `@unchecked Sendable`: a dispatch source is thread-safe, and `source` is never reassigned.
final class TerminationSignal: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init() {
        signal(SIGTERM, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
    }

    func onSignal(_ handler: @escaping @Sendable () -> Void) {
        source.setEventHandler(handler: handler)
        source.resume()
    }

    func cancel() {
        source.cancel()
    }
}
