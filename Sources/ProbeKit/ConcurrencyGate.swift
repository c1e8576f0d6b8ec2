/// Bounds HTTP requests overall and per host, first come first served. A request first
/// takes a slot of its host, then one of the global pool; it never holds a global slot
/// while it waits for its host, so one busy host cannot starve the others. A released
/// slot is handed straight to the next waiter.
actor ConcurrencyGate {
    private let maxConcurrency: Int
    private let hostConcurrency: Int
    private var inFlight = 0
    private var hostInFlight: [String: Int] = [:]
    private var hostWaiters: [String: WaitQueue] = [:]
    private var globalWaiters = WaitQueue()

    init(maxConcurrency: Int, hostConcurrency: Int) {
        self.maxConcurrency = maxConcurrency
        self.hostConcurrency = hostConcurrency
    }

    /// Runs `body` while holding one slot of `host` and one global slot.
    nonisolated func withSlot<T: Sendable>(host: String, _ body: () async -> T) async -> T {
        await acquire(host)
        let result = await body()
        await release(host)
        return result
    }

    private func acquire(_ host: String) async {
        if hostInFlight[host, default: 0] >= hostConcurrency {
            await withCheckedContinuation { hostWaiters[host, default: WaitQueue()].append($0) }
        } else {
            hostInFlight[host, default: 0] += 1
        }
        if inFlight >= maxConcurrency {
            await withCheckedContinuation { globalWaiters.append($0) }
        } else {
            inFlight += 1
        }
    }

    private func release(_ host: String) {
        if let next = globalWaiters.popFirst() { next.resume() } else { inFlight -= 1 }
        if let next = hostWaiters[host]?.popFirst() {
            next.resume()
        } else {
            hostInFlight[host, default: 1] -= 1
            if hostInFlight[host] == 0 {
                hostInFlight[host] = nil
                hostWaiters[host] = nil
            }
        }
    }
}

/// A FIFO of suspended waiters that does not shift the array on every pop.
struct WaitQueue {
    private var items: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    mutating func append(_ waiter: CheckedContinuation<Void, Never>) { items.append(waiter) }

    mutating func popFirst() -> CheckedContinuation<Void, Never>? {
        guard head < items.count else { return nil }
        let next = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return next
    }
}
