import Jobs
import Testing

/// `RunPublishing` in-process: `report --export` needs `otlp` and a collector, and a run
/// with no telemetry configured is published as nothing, with no warning.
@Suite("Jobs: run publishing")
struct RunPublishingTests {
    @Test func exportingAPastRunNeedsOTLPAndACollector() async throws {
        let project = try ProjectFolder(examples: true)
        try project.addRun("20260101T000000Z", at: "2026-01-01T00:00:00Z", clean: true)
        let directory = try project.directory()
        let other = await failure { _ = try await RunPublishing.backfill(runId: "20260101T000000Z", to: "zipkin", directory: directory, environment: [:]) }
        #expect(other?.exitCode == 2)
        #expect(other?.lines == ["coldread report: --export expected otlp, found 'zipkin' (hint: --export otlp sends to OTEL_EXPORTER_OTLP_ENDPOINT)"])
        let none = await failure { _ = try await RunPublishing.backfill(runId: "20260101T000000Z", to: "otlp", directory: directory, environment: [:]) }
        #expect(none?.lines.first?.hasPrefix("coldread report: --export otlp found no collector") == true)
        let warnings = try await RunPublishing.publish(runId: "20260101T000000Z", directory: directory, environment: [:])
        #expect(warnings.isEmpty)
    }

    @Test func aTextfileThatCannotBeWrittenIsAnInputErrorNamingIt() async throws {
        let project = try ProjectFolder(examples: true)
        try project.addRun("20260101T000000Z", at: "2026-01-01T00:00:00Z", clean: true)
        let textfile = project.path("no-such-folder/coldread.prom")
        let thrown = await failure {
            _ = try await RunPublishing.publish(runId: "20260101T000000Z", directory: try project.directory(), prometheus: textfile, environment: [:])
        }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.hasPrefix("\(textfile):1:1: error: expected a writable Prometheus textfile") == true, "\(thrown?.lines ?? [])")
    }
}
