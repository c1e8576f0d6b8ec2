import ArgumentParser
import NIOCore
import NIOPosix

/// Where a command's tasks run.
enum EventLoopExecutor {
    /// For `probe`, Swift concurrency runs on SwiftNIO's event loops, the threads where
    /// every HTTP answer arrives: a probe resumes where its answer was read instead of
    /// waking a thread of another pool for it. On the nginx fleet of
    /// `Benchmarks/probe-vs-lychee` that was 7% of `probe`'s wall time and 9% of its CPU
    /// (30 alternating rounds). No task of a probe blocks its thread: child processes and
    /// name lookups wait on threads of their own.
    ///
    /// Only for `probe`: swift-otel's OTLP exporter (the telemetry of `dry-run`, `drill`
    /// and `report --export otlp`) shuts its HTTP client down synchronously as a backstop,
    /// which AsyncHTTPClient refuses on an event loop (a crash), and the other commands do
    /// not wait on the network enough to gain. Called once, before the command runs.
    static func install(for command: any ParsableCommand) {
        guard command is Probe else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
