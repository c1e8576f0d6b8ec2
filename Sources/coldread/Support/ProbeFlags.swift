import ArgumentParser
import Jobs
import ProbeKit

/// Probe limits shared by `probe` and `dry-run` (DESIGN.md defaults: 10 s per request,
/// 128 requests in flight, 8 per host). Each is checked against a range before any
/// arithmetic, so `--timeout 1e20`, `inf` or `nan` is a usage error, never a trap.
struct ProbeFlags: ParsableArguments {
    @Option(help: "Seconds to wait for one HTTP request (default 10, at most 3600).")
    var timeout: Double?

    @Option(help: "HTTP requests in flight overall (default 128, at most \(Self.concurrencyLimit)).")
    var maxConcurrency: Int?

    @Option(help: "HTTP requests in flight per host (default 8, at most \(Self.concurrencyLimit)).")
    var hostConcurrency: Int?

    /// An hour: a request still silent after that is down, whatever the network.
    static let timeoutLimitSeconds = 3600.0
    /// More sockets than this exhausts descriptors long before it speeds anything up.
    static let concurrencyLimit = 10_000

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= Self.timeoutLimitSeconds) {
            throw ValidationError("--timeout \(timeout) is not a number of seconds between 0 and \(Int(Self.timeoutLimitSeconds))")
        }
        try Self.check("--max-concurrency", maxConcurrency)
        try Self.check("--host-concurrency", hostConcurrency)
    }

    private static func check(_ flag: String, _ value: Int?) throws {
        guard let value else { return }
        if value < 1 || value > concurrencyLimit {
            throw ValidationError("\(flag) \(value) is outside 1…\(concurrencyLimit)")
        }
    }

    func options() -> ProbeOptions {
        var options = ProbeOptions()
        if let timeout {
            options.requestTimeout = .milliseconds(Int((timeout * 1000).rounded(.up)))
            options.linkDeadline = max(options.linkDeadline, options.requestTimeout)
        }
        if let maxConcurrency { options.maxConcurrency = maxConcurrency }
        if let hostConcurrency { options.hostConcurrency = hostConcurrency }
        return options
    }
}
