import Foundation
import RunbookKit
import TerminalUI

/// A stop signal as the executable received it (SIGTERM from cron, systemd or
/// Kubernetes; SIGINT from a CI cancel), named for the journal.
public struct StopSignal: Sendable, Hashable {
    public var number: Int32
    public var name: String

    /// The stop signals `trap` receives, as a dry-run takes them.
    public static func stream(from trap: SignalTrap) -> AsyncStream<StopSignal> {
        let (stream, continuation) = AsyncStream<StopSignal>.makeStream()
        trap.install { continuation.yield(StopSignal(number: $0, name: SignalTrap.name($0))) }
        return stream
    }
}

/// Why a dry-run stopped before every probe answered.
public struct CutShort: Sendable, Hashable {
    public var reason: String
    /// The stop signal, when one ended the run (the exit code is 128 + it for SIGINT).
    public var signal: StopSignal?
}

/// The first of three endings wins: the work finishes, the deadline passes, or a stop
/// signal arrives. One task group races them and cancels the losers, so a run never
/// waits on a deadline after its work is done, nor on work after its deadline.
enum RunEnding {
    /// Runs `work` until it finishes (nil) or is cut short (why). Cancelled, `work` must
    /// return promptly: the group waits for it before this returns.
    static func firstOf(_ work: @escaping @Sendable () async -> Void, deadlineSeconds: Int,
                        signals: AsyncStream<StopSignal>) async -> CutShort? {
        await withTaskGroup(of: Ending.self) { group in
            group.addTask {
                await work()
                return .finished
            }
            group.addTask {
                do { try await Task.sleep(for: .seconds(deadlineSeconds)) } catch { return .stillRunning }
                return .cutShort(CutShort(reason: "dry-run deadline of \(formatDuration(seconds: deadlineSeconds)) reached"))
            }
            group.addTask {
                for await signal in signals {
                    let verb = signal.number == SIGINT ? "interrupted" : "terminated"
                    return .cutShort(CutShort(reason: "\(verb) by \(signal.name)", signal: signal))
                }
                return .stillRunning
            }
            defer { group.cancelAll() }
            while let ending = await group.next() {
                switch ending {
                case .finished: return nil
                case .cutShort(let why): return why
                case .stillRunning: continue
                }
            }
            return nil
        }
    }

    private enum Ending: Sendable {
        case finished
        case cutShort(CutShort)
        /// A racer that ended without deciding (cancelled, or signals that will never come).
        case stillRunning
    }
}
