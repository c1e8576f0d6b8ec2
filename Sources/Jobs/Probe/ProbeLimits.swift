import ProbeKit

/// Probe limits as `probe`, `gap` and `dry-run` take them (DESIGN.md defaults: 10 s per
/// request, 128 requests in flight, 8 per host). Each is checked against a range before
/// any arithmetic, so `--timeout 1e20`, `inf` or `nan` is a usage error, never a trap.
public enum ProbeLimits {
    /// An hour: a request still silent after that is down, whatever the network.
    public static let timeoutLimitSeconds = 3600.0
    /// More sockets than this exhausts descriptors long before it speeds anything up.
    public static let concurrencyLimit = 10_000

    /// What is out of range, as one usage message; nil when every limit given is in range.
    public static func problem(timeout: Double?, maxConcurrency: Int?, hostConcurrency: Int?) -> String? {
        if let timeout, !(timeout > 0 && timeout <= timeoutLimitSeconds) {
            return "--timeout \(timeout) is not a number of seconds between 0 and \(Int(timeoutLimitSeconds))"
        }
        for (flag, value) in [("--max-concurrency", maxConcurrency), ("--host-concurrency", hostConcurrency)] {
            if let value, value < 1 || value > concurrencyLimit {
                return "\(flag) \(value) is outside 1…\(concurrencyLimit)"
            }
        }
        return nil
    }

    /// The probe options with the limits given (checked by `problem`) over the defaults; a
    /// longer request timeout stretches the per-link deadline to hold at least one request.
    public static func options(timeout: Double?, maxConcurrency: Int?, hostConcurrency: Int?) -> ProbeOptions {
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
