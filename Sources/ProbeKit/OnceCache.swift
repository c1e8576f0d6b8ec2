/// Computes each key's value once per run and hands every caller the same answer, so 50
/// steps that link to one dashboard cause one probe, not 50.
actor OnceCache<Key: Hashable & Sendable, Value: Sendable> {
    private var entries: [Key: Task<Value, Never>] = [:]

    func value(for key: Key, compute: @escaping @Sendable () async -> Value) async -> Value {
        if let running = entries[key] { return await running.value }
        let task = Task { await compute() }
        entries[key] = task
        return await task.value
    }

    /// Forgets every answer, for a re-probe.
    func removeAll() { entries.removeAll() }
}
