import Foundation
import DrillKit
import RunbookKit
import Telemetry
import Testing

/// A drill's journal sent to a real OTLP/HTTP receiver on loopback, decoded there with
/// the official OpenTelemetry protobuf definitions.
@Suite(.serialized) struct OTLPExportTests {
    func destination(_ endpoint: String, timeoutMilliseconds: String = "20000") throws -> OTLPDestination {
        // A generous budget: these tests check what arrives, on a machine that may be busy
        // running the rest of the suite; the budget's own tests below keep the default.
        try #require(OTLPDestination(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "OTEL_SERVICE_NAME": "coldread-test",
                                                   "OTEL_EXPORTER_OTLP_TIMEOUT": timeoutMilliseconds], settings: nil))
    }

    @Test func aDrillArrivesAsSpansAndMetricsWithTheSemanticConventions() async throws {
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let report = try TelemetryFixtures.mixedDrill()
        let warning = await RunTelemetry(report: report, drills: []).export(to: try destination(receiver.endpoint))
        #expect(warning == nil)
        await receiver.waitForTracesAndMetrics()

        let spans = receiver.spans
        let run = try #require(spans.first { $0.attribute("cicd.pipeline.name") == "coldread drill" })
        #expect(run.attribute("cicd.pipeline.run.id") == report.runId)
        #expect(run.attribute("cicd.pipeline.result") == "failure")
        #expect((run["resource"] as? [String: Any])?["service.name"] as? String == "coldread-test")
        let suite = try #require(spans.first { $0.attributes["test.suite.name"] != nil })
        #expect(suite["parent_span_id"] as? String == run["span_id"] as? String)
        let cases = spans.filter { $0.attributes["test.case.name"] != nil }
        #expect(cases.count == report.steps.count)
        #expect(cases.allSatisfy { $0["parent_span_id"] as? String == suite["span_id"] as? String })
        #expect(cases.contains { $0.attribute("test.case.result.status") == "fail" && $0.attributes["coldread.blocked.reason"] != nil })
        let started = try #require(report.startedAt.flatMap(RFC3339.date))
        #expect(run["start"] as? UInt64 == UInt64(started.timeIntervalSince1970 * 1e9))

        let names = Set(receiver.metrics.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["coldread.run.steps", "coldread.run.blocked_steps", "coldread.run.duration", "coldread.run.budget"]))
        #expect(receiver.records.allSatisfy { $0["content_type"] as? String == "application/x-protobuf" })
    }

    @Test func aDryRunSendsNoSecretInAnyAttribute() async throws {
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let report = TelemetryFixtures.dryRun(secretURL: "https://traces.example/t?access_token=s3cr3t-v4lue&window=1h")
        let warning = await RunTelemetry(report: report, drills: [], redaction: .standard).export(to: try destination(receiver.endpoint))
        #expect(warning == nil)
        await receiver.waitForTracesAndMetrics()
        #expect(receiver.spans.contains { $0.attribute("cicd.pipeline.name") == "coldread dry-run" })
        #expect(receiver.spans.filter { $0.attributes["test.suite.name"] != nil }.count == 2)
        #expect(receiver.rawText.contains("traces.example"))
        #expect(!receiver.rawText.contains("s3cr3t-v4lue"))
    }

    @Test func aSignalTheCollectorRefusesIsNamedAndTheOtherStillArrives() async throws {
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let destination = try #require(OTLPDestination(environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": receiver.endpoint + "/no-such-path",
        ], settings: nil))
        let warning = await RunTelemetry(report: try TelemetryFixtures.mixedDrill(), drills: []).export(to: destination)
        let text = try #require(warning)
        #expect(text.contains("warning: traces of this run not sent to"), "\(text)")
        await receiver.waitForTracesAndMetrics(seconds: 3)
        #expect(receiver.spans.isEmpty)
        #expect(!receiver.metrics.isEmpty)
    }

    @Test(arguments: ["down", "slow"])
    func aCollectorDownOrSlowCostsUnderThreeSecondsAndSaysWhatWasNotSent(_ collector: String) async throws {
        let receiver = try await OTLPReceiver(delaySeconds: collector == "slow" ? 30 : 0)
        defer { receiver.stop() }
        if collector == "down" { receiver.stop() }
        let started = Date()
        let warning = await RunTelemetry(report: try TelemetryFixtures.mixedDrill(), drills: [])
            .export(to: try destination(receiver.endpoint, timeoutMilliseconds: ""))
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 3, "export took \(seconds) s")
        let text = try #require(warning)
        #expect(text.contains("not sent to \(receiver.endpoint)"))
        #expect(text.contains("traces") && text.contains("metrics"))
    }
}
