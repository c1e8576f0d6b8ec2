import ArgumentParser
import Jobs
import ProbeKit

/// Probe limits shared by `probe`, `gap` and `dry-run`, checked by `ProbeLimits` before
/// any run starts, so an out-of-range value is a usage error.
struct ProbeFlags: ParsableArguments {
    @Option(help: "Seconds to wait for one HTTP request (default 10, at most 3600).")
    var timeout: Double?

    @Option(help: "HTTP requests in flight overall (default 128, at most \(ProbeLimits.concurrencyLimit)).")
    var maxConcurrency: Int?

    @Option(help: "HTTP requests in flight per host (default 8, at most \(ProbeLimits.concurrencyLimit)).")
    var hostConcurrency: Int?

    func validate() throws {
        if let problem = ProbeLimits.problem(timeout: timeout, maxConcurrency: maxConcurrency, hostConcurrency: hostConcurrency) {
            throw ValidationError(problem)
        }
    }

    func options() -> ProbeOptions {
        ProbeLimits.options(timeout: timeout, maxConcurrency: maxConcurrency, hostConcurrency: hostConcurrency)
    }
}
