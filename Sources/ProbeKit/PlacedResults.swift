import RunbookKit
import Synchronization

/// The results of a run at their jobs' places, which is reading order (`ProbeJobs`); a
/// place whose probe never answered (a cancelled run) is left out.
final class PlacedResults: Sendable {
    private struct Places {
        var results: [[ProbeResult?]]
        var answered = 0
    }

    private let places: Mutex<Places>
    private let answered: (@Sendable (Int) -> Void)?

    init(jobCounts: [Int], answered: (@Sendable (Int) -> Void)?) {
        places = Mutex(Places(results: jobCounts.map { Array(repeating: nil, count: $0) }))
        self.answered = answered
    }

    func put(_ result: ProbeResult, at place: JobPlace) {
        places.withLock { places in
            places.results[place.runbook][place.job] = result
            places.answered += 1
            answered?(places.answered)
        }
    }

    func inReadingOrder() -> [[ProbeResult]] {
        places.withLock { $0.results.map { $0.compactMap { $0 } } }
    }
}
