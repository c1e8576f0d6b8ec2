import Foundation
import Synchronization

/// Where the drill gets its time. Wall time stamps journal lines for people; the
/// monotonic milliseconds measure durations, so a changed system clock never shortens
/// or stretches a step. Injected so the reducer is tested without sleeping.
public protocol DrillClock: Sendable {
    func wallNow() -> Date
    /// Milliseconds from an arbitrary origin; never goes backwards.
    func monotonicMs() -> Int
}

/// The real clock: `Date()` and `CLOCK_MONOTONIC`.
public struct SystemClock: DrillClock {
    public init() {}
    public func wallNow() -> Date { Date() }
    public func monotonicMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}

/// A clock that moves only when a test says so.
public final class ManualClock: DrillClock {
    private struct Reading {
        var wall: Date
        var mono: Int
    }
    private let reading: Mutex<Reading>

    public init(wall: Date = Date(timeIntervalSince1970: 1_795_573_020), monotonicMs: Int = 0) {
        reading = Mutex(Reading(wall: wall, mono: monotonicMs))
    }

    public func wallNow() -> Date { reading.withLock { $0.wall } }
    public func monotonicMs() -> Int { reading.withLock { $0.mono } }

    /// Moves both clocks forward together.
    public func advance(ms: Int) {
        reading.withLock {
            $0.mono += ms
            $0.wall = $0.wall.addingTimeInterval(Double(ms) / 1000)
        }
    }
}

/// The process's view of the drill timeline: milliseconds since this process began.
/// A run's `mono_ms` is this plus the state's base, which a resumed run sets so its
/// timeline continues where the journal left off: time while no process was running
/// never counts.
public struct RunTimeline: Sendable {
    public let clock: any DrillClock
    private let origin: Int

    public init(clock: any DrillClock) {
        self.clock = clock
        self.origin = clock.monotonicMs()
    }

    public func processMs() -> Int { clock.monotonicMs() - origin }

    /// RFC 3339 UTC with milliseconds, as journal lines carry it.
    public func wallStamp() -> String { Self.stamp(clock.wallNow()) }

    /// Every reducer action is stamped (keys, probe results, the clock's ticks), so this is
    /// the Foundation format style, not an `ISO8601DateFormatter`: building one of those
    /// per stamp cost about 90 µs and drew in ICU. Milliseconds are truncated, not rounded.
    public static func stamp(_ date: Date) -> String {
        date.formatted(millisecondStamp)
    }

    private static let millisecondStamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
