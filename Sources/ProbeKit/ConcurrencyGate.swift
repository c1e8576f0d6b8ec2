/// A counting semaphore for async code, first come first served, so a probe waits for a
/// free slot instead of piling more requests onto a server.
actor AsyncSemaphore {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    init(_ slots: Int) { available = slots }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if head < waiters.count {
            let next = waiters[head]
            head += 1
            if head > 1024, head * 2 > waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
            next.resume()
        } else {
            available += 1
        }
    }
}

/// Bounds HTTP requests overall and per host. A request first takes a slot of its host,
/// then one of the global pool; it never holds a global slot while it waits for its
/// host, so one busy host cannot starve the others.
actor ConcurrencyGate {
    private let global: AsyncSemaphore
    private let perHost: Int
    private var hosts: [String: AsyncSemaphore] = [:]

    init(maxConcurrency: Int, hostConcurrency: Int) {
        global = AsyncSemaphore(maxConcurrency)
        perHost = hostConcurrency
    }

    private func semaphore(for host: String) -> AsyncSemaphore {
        if let existing = hosts[host] { return existing }
        let made = AsyncSemaphore(perHost)
        hosts[host] = made
        return made
    }

    /// Runs `body` while holding one slot of `host` and one global slot.
    nonisolated func withSlot<T: Sendable>(host: String, _ body: () async -> T) async -> T {
        let hostSlots = await semaphore(for: host)
        await hostSlots.acquire()
        await global.acquire()
        let result = await body()
        await global.release()
        await hostSlots.release()
        return result
    }
}
