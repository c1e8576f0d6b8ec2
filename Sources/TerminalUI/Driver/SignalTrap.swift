import CNcurses
import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a request the UI loop sees within one key
/// timeout: the loop journals `paused`, gives the terminal back and exits. Signals are
/// received on a dispatch source, so no curses call runs inside a signal handler.
/// Crashing signals (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS) cannot be handled that
/// way; for them a handler restores the terminal and re-raises.
public final class SignalTrap: Sendable {
    private let received = Atomic<Int32>(0)

    public static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    public init() {}

    private static func keepAlive(_ source: any DispatchSourceSignal) {
        _ = Unmanaged.passRetained(source as AnyObject)
    }

    /// The first stop signal received, or nil.
    public var signal: Int32? {
        let value = received.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    public func install() {
        for signo in Self.stopSignals {
            Foundation.signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler { [self] in
                _ = received.compareExchange(expected: 0, desired: signo, ordering: .acquiringAndReleasing)
            }
            source.resume()
            // The trap lives for the whole process, so the sources may too.
            Self.keepAlive(source)
        }
        for signo in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signo in
                endwin()
                Foundation.signal(signo, SIG_DFL)
                raise(signo)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signo, &action, nil)
        }
    }
}
