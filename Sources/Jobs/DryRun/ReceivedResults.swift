import RunbookKit
import Synchronization

/// The probe results of a dry-run's runbooks as they arrive, each runbook handed over
/// for the journal exactly once: when its probing finishes, or after the run ends for
/// those it cut short.
final class ReceivedResults: Sendable {
    private struct State {
        var results: [[ProbeResult]]
        var taken: [Bool]
        var takenCount = 0
        var failure: CommandFailure?
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: [], count: count), taken: Array(repeating: false, count: count)))
    }

    func add(_ result: ProbeResult, at index: Int) {
        state.withLock { $0.results[index].append(result) }
    }

    /// The runbook's results and how many runbooks have been handed over with it; nil when
    /// it was handed over before.
    func take(_ index: Int) -> (results: [ProbeResult], taken: Int)? {
        state.withLock { state in
            guard !state.taken[index] else { return nil }
            state.taken[index] = true
            state.takenCount += 1
            return (state.results[index], state.takenCount)
        }
    }

    /// Keeps the first failure to journal, for `throwFailure` once probing has stopped.
    func fail(_ failure: CommandFailure) {
        state.withLock { if $0.failure == nil { $0.failure = failure } }
    }

    func throwFailure() throws(CommandFailure) {
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }
}
