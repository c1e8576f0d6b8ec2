import RunbookKit
import Synchronization

/// What a probe run tells whoever reads it: each result, with the index of its runbook in
/// the run, and when a runbook has all of its results.
///
/// Each runbook's results come in its reading order (by step, then links, scopes, tools,
/// commands, each as declared, break-glass last); results of different runbooks
/// interleave as they complete, so one slow link holds back only its own runbook.
public enum ProbeRunEvent: Sendable {
    case result(runbook: Int, ProbeResult)
    /// Every result of this runbook has been given.
    case finished(runbook: Int)
}

/// Puts each result at its job's place and hands the results on once every earlier place
/// of the same runbook is filled: probes finish in any order, readers see reading order.
final class ReadingOrderRelease: Sendable {
    private struct Places {
        var waiting: [[ProbeResult?]]
        /// Per runbook, the first place not yet handed on.
        var next: [Int]
    }

    private let places: Mutex<Places>
    private let continuation: AsyncStream<ProbeRunEvent>.Continuation

    /// `jobCounts` holds how many results each runbook will give. A runbook with none is
    /// finished at once.
    init(jobCounts: [Int], continuation: AsyncStream<ProbeRunEvent>.Continuation) {
        places = Mutex(Places(waiting: jobCounts.map { Array(repeating: nil, count: $0) },
                              next: Array(repeating: 0, count: jobCounts.count)))
        self.continuation = continuation
        for (runbook, count) in jobCounts.enumerated() where count == 0 {
            continuation.yield(.finished(runbook: runbook))
        }
    }

    /// Files `result` at `place`, then hands on every result it unblocked. Yielded under the
    /// lock, so two workers can never hand one runbook's results on out of order.
    func put(_ result: ProbeResult, at place: JobPlace) {
        places.withLock { places in
            let runbook = place.runbook
            places.waiting[runbook][place.job] = result
            let count = places.waiting[runbook].count
            guard places.next[runbook] == place.job else { return }
            while places.next[runbook] < count, let ready = places.waiting[runbook][places.next[runbook]] {
                continuation.yield(.result(runbook: runbook, ready))
                places.waiting[runbook][places.next[runbook]] = nil
                places.next[runbook] += 1
            }
            if places.next[runbook] == count { continuation.yield(.finished(runbook: runbook)) }
        }
    }
}

extension ProbeSession {
    /// Every result of a run, by runbook, in reading order: for callers that want the
    /// whole answer at once (`probe`, `gap`) rather than results as they stream in. Each
    /// result goes straight to its job's place, with no stream between the probes and the
    /// caller: a stream woke its reader for nearly every one of ten thousand links.
    /// `answered` hears how many results are in after each one (a progress line), under
    /// a lock, so its calls never overlap.
    public func results(_ runbooks: [Runbook], as audience: ProbeAudience,
                        answered: (@Sendable (Int) -> Void)? = nil) async -> [[ProbeResult]] {
        let jobs = ProbeJobs.jobs(ofAll: runbooks, docsBase: docsBase)
        let places = PlacedResults(jobCounts: jobs.map(\.count), answered: answered)
        await run(runbooks, jobs: jobs, audience) { place, result in places.put(result, at: place) }
        return places.inReadingOrder()
    }
}
