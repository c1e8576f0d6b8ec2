import Foundation
import Logging
import Metrics
import OTel
import ServiceLifecycle
import Tracing

/// Sends a run's trace and metrics to an OTLP/HTTP collector through swift-otel, within
/// a fixed budget: a collector that is down or slow costs the run at most `budget`, and
/// the result is a warning naming what was not sent, never an error. The caller keeps
/// its exit code whatever happens here.
public enum OTLPExport {
    /// Time the whole export may take, connection, retries and flush included.
    public static let defaultBudget: Duration = .milliseconds(1800)

    /// Returns nil when both signals were sent, else one line saying what was not.
    public static func send(_ spans: [TraceSpan], _ metrics: [MetricPoint], to destination: OTLPDestination) async -> String? {
        let budget = destination.budget
        let failures = ExportFailures()
        var configuration = destination.configuration
        configuration.diagnosticLogger = .custom(Logger(label: "coldread.telemetry") { _ in ExportFailureLog(failures: failures) })
        // Each export gets most of the budget; the remainder covers start and shutdown.
        configuration.traces.otlpExporter.timeout = budget * 0.8
        configuration.traces.batchSpanProcessor.exportTimeout = budget * 0.8
        configuration.metrics.otlpExporter.timeout = budget * 0.8
        configuration.metrics.exportTimeout = budget * 0.8
        let group: ServiceGroup
        do {
            let (tracer, tracing) = try OTel.makeTracingBackend(configuration: configuration)
            let (factory, metering) = try OTel.makeMetricsBackend(configuration: configuration)
            group = ServiceGroup(services: [tracing, metering], logger: Logger(label: "coldread.telemetry") { _ in SwiftLogNoOpLogHandler() })
            TraceEmission.emit(spans, with: tracer)
            MetricEmission.record(metrics, with: factory)
        } catch {
            return warning(destination, "traces and metrics", because: "\(error)")
        }
        // The group is asked to stop before it runs: it still starts every service, and
        // their graceful shutdown flushes what was recorded above.
        await group.triggerGracefulShutdown()
        let runner = Task { _ = try? await group.run() }
        let finished = await Deadline.wait(for: runner, at: budget)
        if !finished { runner.cancel() }
        return verdict(failures, finished: finished, destination: destination, budget: budget)
    }

    /// Nil when everything was sent; else which signal was not, and the first reason
    /// swift-otel gave (a refused connection, a status code), or the deadline.
    static func verdict(_ failures: ExportFailures, finished: Bool, destination: OTLPDestination, budget: Duration) -> String? {
        let traceFailure = failures.reasons(matching: "span").first
        let metricFailure = failures.reasons(matching: "metric").first
        let late = "the collector did not answer within \(budget.seconds) s"
        func reason(_ logged: String) -> String { logged.contains("TimeoutError") ? late : logged }
        switch (traceFailure, metricFailure, finished) {
        case (nil, nil, true): return nil
        case (let logged?, nil, true): return warning(destination, "traces", because: reason(logged))
        case (nil, let logged?, true): return warning(destination, "metrics", because: reason(logged))
        default:
            let logged = finished ? traceFailure ?? metricFailure : nil
            return warning(destination, "traces and metrics", because: logged.map(reason) ?? late)
        }
    }

    static func warning(_ destination: OTLPDestination, _ what: String, because reason: String) -> String {
        "coldread: warning: \(what) of this run not sent to \(destination.name): \(reason); the run's result is unchanged "
            + "(hint: check OTEL_EXPORTER_OTLP_ENDPOINT or telemetry: in coldread.yaml; `coldread report RUN --export otlp` sends it later)"
    }
}

extension Duration {
    /// Seconds with one decimal, for messages.
    var seconds: String {
        let (whole, attoseconds) = components
        return String(format: "%.1f", Double(whole) + Double(attoseconds) / 1e18)
    }
}

/// Waits for a task up to a deadline without being held by it: a task stuck in a slow
/// collector's socket is left behind (and cancelled), not awaited.
enum Deadline {
    static func wait(for task: Task<Void, Never>, at budget: Duration) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let once = ResumeOnce(continuation)
            Task { await task.value; once.resume(true) }
            Task { try? await Task.sleep(for: budget); once.resume(false) }
        }
    }
}

/// A continuation resumed by whichever of two tasks comes first.
final class ResumeOnce: @unchecked Sendable {
    // @unchecked: `continuation` is read and cleared only while holding `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Bool, Never>?

    init(_ continuation: CheckedContinuation<Bool, Never>) { self.continuation = continuation }

    func resume(_ value: Bool) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }
}
