import Jobs
import ProbeKit
import Testing

/// `ProbeLimits`: the `--timeout`, `--max-concurrency` and `--host-concurrency` of
/// `probe`, `gap` and `dry-run`, checked before any arithmetic and laid over the defaults.
@Suite("Jobs: probe limits")
struct ProbeLimitsTests {
    @Test(arguments: [1e20, .infinity, .nan, 0, -1, 3600.5])
    func aTimeoutOutsideAnHourIsOneUsageMessage(timeout: Double) {
        let problem = ProbeLimits.problem(timeout: timeout, maxConcurrency: nil, hostConcurrency: nil)
        #expect(problem == "--timeout \(timeout) is not a number of seconds between 0 and 3600")
    }

    @Test func aConcurrencyOutsideItsRangeIsNamedByItsFlag() {
        #expect(ProbeLimits.problem(timeout: nil, maxConcurrency: 0, hostConcurrency: nil) == "--max-concurrency 0 is outside 1…10000")
        #expect(ProbeLimits.problem(timeout: 5, maxConcurrency: 10, hostConcurrency: 10_001) == "--host-concurrency 10001 is outside 1…10000")
        #expect(ProbeLimits.problem(timeout: 3600, maxConcurrency: 10_000, hostConcurrency: 1) == nil)
    }

    @Test func givenLimitsReplaceTheDefaultsAndALongTimeoutStretchesTheLinkDeadline() {
        let defaults = ProbeLimits.options(timeout: nil, maxConcurrency: nil, hostConcurrency: nil)
        #expect(defaults.requestTimeout == .seconds(10) && defaults.linkDeadline == .seconds(30))
        #expect(defaults.maxConcurrency == 128 && defaults.hostConcurrency == 8)
        let given = ProbeLimits.options(timeout: 60.0004, maxConcurrency: 4, hostConcurrency: 2)
        #expect(given.requestTimeout == .milliseconds(60_001), "rounded up to whole milliseconds")
        #expect(given.linkDeadline == given.requestTimeout)
        #expect(given.maxConcurrency == 4 && given.hostConcurrency == 2)
    }
}
