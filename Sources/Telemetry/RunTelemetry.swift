import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// A finished run's telemetry: its trace and metrics, redacted as every other output,
/// and where they go (an OTLP collector, a Prometheus textfile). Built from the run's
/// journal alone, so a run from before can be sent later (`coldread report --export otlp`).
public struct RunTelemetry: Sendable {
    public var report: RunReport
    /// Every finished run in the store, for the time since each runbook's last clean drill.
    public var drills: [DrillRecord]
    public var now: Date
    public var redaction: Redaction

    public init(report: RunReport, drills: [DrillRecord], now: Date = Date(), redaction: Redaction = .standard) {
        self.report = report
        self.drills = drills
        self.now = now
        self.redaction = redaction
    }

    /// Reads run `runId` and the drill records of every run in `store`. Journals that
    /// cannot be read are left out; the command has already said why.
    public init(runId: String, store: RunStore, now: Date = Date(), redaction: Redaction = .standard) throws(JournalReader.ReadError) {
        let events = try JournalReader.read(store.journalPath(of: runId)).events
        let drills = DrillJournals(store: store).runs.compactMap { DrillRecord(events: $0.events) }
        self.init(report: RunReport(events: events, runbooks: []), drills: drills, now: now, redaction: redaction)
    }

    /// The trace, with every name and text attribute passed through the redaction (a URL
    /// with a token in its query, a note that quotes a header).
    public var spans: [TraceSpan] {
        RunTrace.spans(of: report).map { span in
            var span = span
            span.name = redaction.apply(span.name)
            span.attributes = redacted(span.attributes)
            span.events = span.events.map { TraceEvent(name: $0.name, attributes: redacted($0.attributes)) }
            return span
        }
    }

    public var metrics: [MetricPoint] {
        RunMetrics.points(of: report, drills: drills, now: now).map { point in
            var point = point
            point.labels = point.labels.mapValues(redaction.apply)
            return point
        }
    }

    /// When the run finished (else when its journal ends), for the textfile's timestamp.
    public var finishedAt: Date {
        report.finishedAt.flatMap(RFC3339.date) ?? report.startedAt.flatMap(RFC3339.date) ?? now
    }

    /// Sends the trace and metrics; nil when all arrived, else the warning to print.
    public func export(to destination: OTLPDestination) async -> String? {
        await OTLPExport.send(spans, metrics, to: destination)
    }

    /// Replaces the textfile atomically.
    public func writePrometheus(to path: String) throws {
        try PrometheusTextfile.write(PrometheusTextfile.render(metrics, finishedAt: finishedAt), to: path)
    }

    private func redacted(_ attributes: TelemetryAttributes) -> TelemetryAttributes {
        attributes.mapValues { value in
            switch value {
            case .string(let text): return .string(redaction.apply(text))
            case .strings(let texts): return .strings(texts.map(redaction.apply))
            default: return value
            }
        }
    }
}
