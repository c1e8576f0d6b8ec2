import ReportKit
import RunbookKit
import Telemetry
import Testing

/// The trace of a run as a collector would show it, before any network: span tree,
/// semantic-convention attributes, timestamps from the journal.
@Suite struct RunTraceTests {
    @Test func aDrillIsARunSpanOverARunbookSpanOverOneSpanPerStep() throws {
        let spans = RunTrace.spans(of: try TelemetryFixtures.mixedDrill())
        let run = try #require(spans.first)
        #expect(run.parent == nil)
        #expect(run.attributes["cicd.pipeline.name"] == .string("coldread drill"))
        #expect(run.attributes["cicd.pipeline.result"] == .string("failure"))
        #expect(run.attributes["cicd.pipeline.run.id"] != nil)
        #expect(run.attributes["coldread.cold"] != nil)
        let suites = spans.filter { $0.attributes["test.suite.name"] != nil }
        #expect(suites.count == 1)
        #expect(suites.first?.parent == 0)
        let cases = spans.filter { $0.attributes["test.case.name"] != nil }
        #expect(cases.count == 4)
        #expect(cases.allSatisfy { $0.parent == 1 })
        let blocked = cases.filter { $0.attributes["coldread.blocked.reason"] != nil }
        #expect(!blocked.isEmpty)
        #expect(blocked.allSatisfy { $0.attributes["test.case.result.status"] == .string("fail") && $0.failed })
        #expect(spans.allSatisfy { $0.end >= $0.start })
        #expect(cases.allSatisfy { $0.start >= run.start && $0.end <= run.end })
    }

    @Test func aDryRunHasASuitePerRunbookAndUnknownIsNeverAPass() throws {
        let spans = RunTrace.spans(of: TelemetryFixtures.dryRun(secretURL: "https://traces.example/x?token=abc"))
        #expect(spans[0].name == "coldread dry-run")
        let suites = spans.filter { $0.attributes["test.suite.name"] != nil }
        #expect(suites.map(\.attributes["test.suite.name"]) == [.string("a"), .string("b")])
        #expect(suites.map(\.attributes["test.suite.run.status"]) == [.string("success"), .string("failure")])
        let unknown = try #require(spans.first { $0.attributes["coldread.step.title"] == .string("Check access") })
        #expect(unknown.attributes["coldread.step.outcome"] == .string("unknown"))
        #expect(unknown.attributes["test.case.result.status"] == nil)
        #expect(unknown.events.first?.attributes["coldread.scope"] == .string("traces:read"))
        let dead = try #require(spans.first { $0.attributes["coldread.step.title"] == .string("Read the traces") })
        #expect(dead.attributes["test.case.result.status"] == .string("fail"))
        #expect(dead.attributes["coldread.blocked.reason"] == .string("dead_link"))
    }

    @Test func everyTextAttributeIsRedacted() throws {
        let report = TelemetryFixtures.dryRun(secretURL: "https://traces.example/x?access_token=s3cr3t-v4lue")
        let telemetry = RunTelemetry(report: report, drills: [], redaction: .standard)
        let texts = telemetry.spans.flatMap { span in
            [span.name] + (span.attributes.values.map { "\($0)" }) + span.events.flatMap { $0.attributes.values.map { "\($0)" } }
        }
        #expect(texts.contains { $0.contains("traces.example") })
        #expect(!texts.contains { $0.contains("s3cr3t-v4lue") })
    }
}
