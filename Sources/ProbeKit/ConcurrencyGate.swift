import DequeModule
import Synchronization

/// Bounds HTTP requests overall and per host, first come first served. A request first
/// takes a slot of its host, then one of the global pool; it never holds a global slot
/// while it waits for its host, so one busy host cannot starve the others. A released
/// slot is handed straight to the next waiter.
///
/// A lock, not an actor: a free slot is taken without a hop to another executor, and
/// thousands of probes pass through here, so the hop would cost more than the request.
final class ConcurrencyGate: Sendable {
    /// A suspended request waiting for a slot.
    private typealias Waiter = CheckedContinuation<Void, Never>

    private struct Slots {
        var inFlight = 0
        var hostInFlight: [String: Int] = [:]
        var hostWaiters: [String: Deque<Waiter>] = [:]
        var globalWaiters = Deque<Waiter>()
    }

    private let maxConcurrency: Int
    private let hostConcurrency: Int
    private let slots = Mutex(Slots())

    init(maxConcurrency: Int, hostConcurrency: Int) {
        self.maxConcurrency = maxConcurrency
        self.hostConcurrency = hostConcurrency
    }

    /// Runs `body` while holding one slot of `host` and one global slot.
    func withSlot<T: Sendable>(host: String, _ body: () async -> T) async -> T {
        await acquire(host)
        let result = await body()
        release(host)
        return result
    }

    /// Takes both slots at once when both are free (the common case, no suspension);
    /// otherwise waits for each in turn.
    private func acquire(_ host: String) async {
        let both = slots.withLock { slots -> Bool in
            guard slots.inFlight < maxConcurrency, slots.hostInFlight[host, default: 0] < hostConcurrency else { return false }
            slots.inFlight += 1
            slots.hostInFlight[host, default: 0] += 1
            return true
        }
        if !both { await wait(host) }
    }

    /// Takes a slot in the same critical section that would queue the waiter, so a
    /// release can never slip between "no slot" and "waiting" and be lost.
    private func wait(_ host: String) async {
        await withCheckedContinuation { (waiter: Waiter) in
            let granted = slots.withLock { slots -> Bool in
                guard slots.hostInFlight[host, default: 0] < hostConcurrency else {
                    slots.hostWaiters[host, default: []].append(waiter)
                    return false
                }
                slots.hostInFlight[host, default: 0] += 1
                return true
            }
            if granted { waiter.resume() }
        }
        await withCheckedContinuation { (waiter: Waiter) in
            let granted = slots.withLock { slots -> Bool in
                guard slots.inFlight < maxConcurrency else {
                    slots.globalWaiters.append(waiter)
                    return false
                }
                slots.inFlight += 1
                return true
            }
            if granted { waiter.resume() }
        }
    }

    private func release(_ host: String) {
        let (global, hostNext) = slots.withLock { slots in
            let global = slots.globalWaiters.popFirst()
            if global == nil { slots.inFlight -= 1 }
            let hostNext = slots.hostWaiters[host]?.popFirst()
            if hostNext == nil {
                slots.hostInFlight[host, default: 1] -= 1
                if slots.hostInFlight[host] == 0 {
                    slots.hostInFlight[host] = nil
                    slots.hostWaiters[host] = nil
                }
            }
            return (global, hostNext)
        }
        // Resumed outside the lock: a resumed waiter may come straight back for a slot.
        global?.resume()
        hostNext?.resume()
    }
}
