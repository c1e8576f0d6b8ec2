import Foundation

/// Leaving a headless command once all it owes the user is written.
enum ProcessExit {
    /// Exits with `code` at once, keeping `results` alive until then. A command that
    /// returned instead would first free every result one by one and wait for its HTTP
    /// connections to close: on a run of ten thousand links that was a twentieth of the
    /// whole command's time (perf on the nginx fleet of `Benchmarks/probe-vs-lychee`), for
    /// nothing the user sees. Call it only after the output is written and flushed
    /// (`StandardOutput` writes straight to the descriptor) and nothing is left to save.
    static func now<Results>(_ code: Int32, keeping results: Results) -> Never {
        withExtendedLifetime(results) { Foundation.exit(code) }
    }
}
