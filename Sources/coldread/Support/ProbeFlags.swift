import ArgumentParser
import ProbeKit

/// Probe limits shared by `probe` and `dry-run` (DESIGN.md defaults: 10 s per request,
/// 128 requests in flight, 8 per host).
struct ProbeFlags: ParsableArguments {
    @Option(help: "Seconds to wait for one HTTP request (default 10).")
    var timeout: Double?

    @Option(help: "HTTP requests in flight overall (default 128).")
    var maxConcurrency: Int?

    @Option(help: "HTTP requests in flight per host (default 8).")
    var hostConcurrency: Int?

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if let maxConcurrency, maxConcurrency < 1 { throw ValidationError("--max-concurrency must be at least 1") }
        if let hostConcurrency, hostConcurrency < 1 { throw ValidationError("--host-concurrency must be at least 1") }
    }

    func options() -> ProbeOptions {
        var options = ProbeOptions()
        if let timeout {
            options.requestTimeout = .milliseconds(Int(timeout * 1000))
            options.linkDeadline = max(options.linkDeadline, options.requestTimeout)
        }
        if let maxConcurrency { options.maxConcurrency = maxConcurrency }
        if let hostConcurrency { options.hostConcurrency = hostConcurrency }
        return options
    }
}
