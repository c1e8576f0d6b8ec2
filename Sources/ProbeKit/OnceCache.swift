import Synchronization

/// Computes each key's value once per run and hands every caller the same answer, so 50
/// steps that link to one dashboard cause one probe, not 50.
///
/// The first caller computes the value in its own task; later callers wait on a
/// continuation. A lock rather than an actor, and no extra task per key: a run asks this
/// once for each of thousands of links.
final class OnceCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private enum Entry {
        case computing([CheckedContinuation<Value?, Never>])
        case done(Value)
    }

    private let entries = Mutex<[Key: Entry]>([:])

    init() {}

    /// Makes room for `additional` more keys at once: a run knows how many links it has,
    /// and growing a table of ten thousand one by one rehashed it again and again.
    func reserveCapacity(_ additional: Int) {
        entries.withLock { $0.reserveCapacity($0.count + additional) }
    }

    func value(for key: Key, compute: () async -> Value) async -> Value {
        while true {
            switch claim(key) {
            case .known(let value):
                return value
            case .mine:
                let cancelledBefore = Task.isCancelled
                let value = await compute()
                // A cancelled caller's answer may be the cancellation itself: it is not
                // kept, and whoever waits for it claims the key again. A worker cancelled
                // during this answer only to end its stalled read has a true answer
                // (`StalledBodies`); one it computes after that cut does not.
                let keep = !Task.isCancelled || !cancelledBefore && StalledBodies.currentWorkerWasCut
                let waiters = entries.withLock { entries -> [CheckedContinuation<Value?, Never>] in
                    guard case .computing(let waiters) = entries[key] else { return [] }
                    entries[key] = keep ? .done(value) : nil
                    return waiters
                }
                for waiter in waiters { waiter.resume(returning: keep ? value : nil) }
                return value
            case .waiting:
                if let value = await wait(for: key) { return value }
                // Forgotten by `removeAll` before we queued: claim it again.
            }
        }
    }

    private enum Claim { case known(Value), mine, waiting }

    /// The answer, the duty to compute it, or a place in the queue: decided under the
    /// lock, so no answer is ever computed twice.
    private func claim(_ key: Key) -> Claim {
        entries.withLock { entries in
            switch entries[key] {
            case .done(let value): return .known(value)
            case .computing: return .waiting
            case nil:
                entries[key] = .computing([])
                return .mine
            }
        }
    }

    /// Waits for the caller computing `key`; nil when the answer was forgotten meanwhile.
    private func wait(for key: Key) async -> Value? {
        await withCheckedContinuation { (waiter: CheckedContinuation<Value?, Never>) in
            let ready: Value?? = entries.withLock { entries in
                switch entries[key] {
                case .done(let value): return .some(value)
                case .computing(var waiters):
                    waiters.append(waiter)
                    entries[key] = .computing(waiters)
                    return nil
                case nil: return .some(nil)
                }
            }
            if let ready { waiter.resume(returning: ready) }
        }
    }

    /// Forgets `key`'s finished answer, for a re-probe. An answer still being computed
    /// stays, so whoever waits for it is answered.
    func remove(_ key: Key) {
        entries.withLock { entries in
            if case .done = entries[key] { entries[key] = nil }
        }
    }
}
