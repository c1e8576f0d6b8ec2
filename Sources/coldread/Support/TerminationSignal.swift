import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into a callback, so a headless run can stop cleanly (journal
/// intact, reports written, probes' process groups killed) when cron, systemd,
/// Kubernetes or a CI cancel (SIGINT) asks it to.
/// `@unchecked Sendable`: dispatch sources are thread-safe, and `sources` is never reassigned.
final class TerminationSignal: @unchecked Sendable {
    static let stopSignals: [Int32] = [SIGTERM, SIGINT]
    private let sources: [(signal: Int32, source: any DispatchSourceSignal)]

    init() {
        sources = Self.stopSignals.map { signo in
            signal(signo, SIG_IGN)
            return (signo, DispatchSource.makeSignalSource(signal: signo, queue: .global()))
        }
    }

    /// `handler` gets the signal's number (SIGTERM or SIGINT).
    func onSignal(_ handler: @escaping @Sendable (Int32) -> Void) {
        for (signo, source) in sources {
            source.setEventHandler { handler(signo) }
            source.resume()
        }
    }

    func cancel() {
        sources.forEach { $0.source.cancel() }
    }

    /// The signal's name for journals and messages.
    static func name(_ signo: Int32) -> String { signo == SIGINT ? "SIGINT" : "SIGTERM" }
}
