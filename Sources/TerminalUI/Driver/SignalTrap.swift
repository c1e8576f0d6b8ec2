import Dispatch
import Foundation
import Synchronization

/// Turns stop signals into something a command can act on: the drill and the review poll
/// `signal` within one key timeout (journal `paused`, give the terminal back, exit); a
/// headless run (`probe`, `dry-run`) gets a callback so it can stop cleanly (journal
/// intact, reports written, probes' process groups killed) when cron, systemd,
/// Kubernetes or a CI cancel asks it to. Signals are received on dispatch sources, so no
/// work runs inside a signal handler.
/// `@unchecked Sendable`: dispatch sources are thread-safe, `sources` is never reassigned,
/// and `received` is atomic.
public final class SignalTrap: @unchecked Sendable {
    /// A terminal also stops on SIGHUP: its window was closed.
    public static let terminalStopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    public static let headlessStopSignals: [Int32] = [SIGTERM, SIGINT]

    private let received = Atomic<Int32>(0)
    private let sources: [(signal: Int32, source: any DispatchSourceSignal)]

    /// Takes `signals` away from their default action (which would end the process at
    /// once); nothing is received until `install`.
    public init(_ signals: [Int32] = SignalTrap.terminalStopSignals) {
        sources = signals.map { signo in
            Foundation.signal(signo, SIG_IGN)
            return (signo, DispatchSource.makeSignalSource(signal: signo, queue: .global()))
        }
    }

    /// The first stop signal received, or nil.
    public var signal: Int32? {
        let value = received.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Starts receiving. `handler`, when given, runs for every signal received, with its
    /// number; the first is also kept in `signal`.
    public func install(_ handler: (@Sendable (Int32) -> Void)? = nil) {
        for (signo, source) in sources {
            source.setEventHandler { [self] in
                _ = received.compareExchange(expected: 0, desired: signo, ordering: .acquiringAndReleasing)
                handler?(signo)
            }
            source.resume()
        }
    }

    /// Stops receiving; the signals stay ignored, so a late one cannot kill a run that is
    /// already finishing.
    public func cancel() {
        sources.forEach { $0.source.cancel() }
    }

    /// The signal's name for journals and messages.
    public static func name(_ signo: Int32) -> String {
        switch signo {
        case SIGINT: return "SIGINT"
        case SIGHUP: return "SIGHUP"
        default: return "SIGTERM"
        }
    }
}
