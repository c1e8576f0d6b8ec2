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
    /// Whether the answer a caller just computed stands, that is, is kept and handed to
    /// those waiting; told whether that caller was already cancelled when it began, and
    /// asked in its task. By default an answer stands unless its caller was cancelled: a
    /// cancelled caller's answer may be the cancellation itself, so whoever waits for it
    /// claims the key again.
    private let answerStands: @Sendable (_ cancelledBefore: Bool) -> Bool

    init(answerStands: @escaping @Sendable (_ cancelledBefore: Bool) -> Bool = { _ in !Task.isCancelled }) {
        self.answerStands = answerStands
    }

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
                let keep = answerStands(cancelledBefore)
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
