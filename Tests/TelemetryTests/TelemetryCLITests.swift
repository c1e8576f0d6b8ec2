import ChildProcess
import Foundation
import Testing

/// The built `coldread` exporting as cron and CI run it: `dry-run` with the standard
/// OTel variables, `--prometheus`, `report --export otlp`, and a bad `telemetry:`.
@Suite(.serialized) struct TelemetryCLITests {
    static let binary: String = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("coldread").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return TelemetryFixtures.testsRoot.deletingLastPathComponent().appendingPathComponent(".build/debug/coldread").path
    }()

    /// A project with one runbook: a tool step that passes and a link (to a closed
    /// loopback port) whose query holds a token.
    static let secret = "s3cr3t-t0ken-v4lue"

    func project(telemetry: String = "") throws -> String {
        let dir = NSTemporaryDirectory() + "coldread-telemetry-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
        try """
            rotations: {sre: {members: [ana]}}
            members: {ana: {}}
            groups: {sre: [ana]}
            grants: {"dash:read": [sre]}
            \(telemetry)
            """.write(toFile: dir + "/coldread.yaml", atomically: true, encoding: .utf8)
        try """
            ---
            rotation: sre
            ---
            # Checkout latency

            ## Steps

            1. Check the shell:

               ```sh
               sh -c true
               ```
               <!-- coldread scopes: [dash:read] -->
            2. Open [the traces](http://127.0.0.1:1/t?access_token=\(Self.secret)).
               <!-- coldread scopes: [dash:read] -->
            """.write(toFile: dir + "/Runbooks/checkout.md", atomically: true, encoding: .utf8)
        return dir
    }

    func run(_ arguments: [String], in dir: String, environment: [String: String] = [:]) async throws -> (ChildProcess.Outcome, Double) {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OTEL_") }
        env.merge(environment) { $1 }
        let started = Date()
        let outcome = try await ChildProcess.run(Self.binary, arguments, in: dir, environment: env)
        return (outcome, Date().timeIntervalSince(started))
    }

    @Test func aDryRunArrivesAsSpansAndMetricsWithNoSecret() async throws {
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (outcome, _) = try await run(["dry-run"], in: dir, environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
                                                                      "OTEL_EXPORTER_OTLP_TIMEOUT": "20000"])
        #expect(outcome.status == 1, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(!outcome.stderr.contains("not sent"), "\(outcome.stderr)")
        await receiver.waitForTracesAndMetrics()
        let run = try #require(receiver.spans.first { $0.attribute("cicd.pipeline.name") == "coldread dry-run" })
        #expect(run.attribute("cicd.pipeline.result") == "failure")
        #expect(receiver.spans.contains { $0.attribute("test.suite.name") == "Runbooks/checkout" || $0.attribute("test.suite.name") == "checkout" })
        #expect(receiver.spans.contains { $0.attribute("test.case.result.status") == "fail" })
        #expect(receiver.metrics.contains { $0["name"] as? String == "coldread.run.steps" })
        #expect(receiver.rawText.contains("127.0.0.1:1"))
        #expect(!receiver.rawText.contains(Self.secret))
    }

    @Test(arguments: ["down", "slow"])
    func aCollectorDownOrSlowKeepsTheExitCodeAndCostsUnderThreeSeconds(_ collector: String) async throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (plain, plainSeconds) = try await run(["dry-run"], in: dir)
        let receiver = try await OTLPReceiver(delaySeconds: collector == "slow" ? 30 : 0)
        defer { receiver.stop() }
        if collector == "down" { receiver.stop() }
        let (exported, exportedSeconds) = try await run(["dry-run"], in: dir, environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint])
        #expect(exported.status == plain.status)
        #expect(exportedSeconds < plainSeconds + 3, "\(exportedSeconds) s with the collector \(collector), \(plainSeconds) s without")
        #expect(exported.stderr.contains("warning: traces and metrics of this run not sent to \(receiver.endpoint)"), "\(exported.stderr)")
    }

    @Test func prometheusTextfilePassesPromtool() async throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (outcome, _) = try await run(["dry-run", "--prometheus", dir + "/coldread.prom"], in: dir)
        #expect(outcome.status == 1)
        let text = try String(contentsOfFile: dir + "/coldread.prom", encoding: .utf8)
        #expect(text.contains("coldread_last_run_timestamp_seconds "))
        #expect(text.contains("coldread_run_blocked_steps{"))
        let check = try await ChildProcess.run("/usr/bin/env", ["promtool", "check", "metrics"], input: text)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let (missing, _) = try await run(["dry-run", "--prometheus", dir + "/no/such/folder/coldread.prom"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/folder/coldread.prom:1:1: error:"), "\(missing.stderr)")
    }

    @Test func reportExportOTLPBackFillsAPastRunFromTheFileSettings() async throws {
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let dir = try project(telemetry: "telemetry: {endpoint: \"\(receiver.endpoint)\", service_name: backfill}")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The run itself exports too (the file names a collector); only the back-fill counts here.
        _ = try await run(["dry-run"], in: dir, environment: ["OTEL_SDK_DISABLED": "true"])
        #expect(receiver.records.isEmpty)
        let (outcome, _) = try await run(["report", "latest", "--export", "otlp"], in: dir)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        await receiver.waitForTracesAndMetrics()
        let run = try #require(receiver.spans.first { $0.attribute("cicd.pipeline.name") == "coldread dry-run" })
        #expect((run["resource"] as? [String: Any])?["service.name"] as? String == "backfill")
    }

    @Test func aDrillArrivesAsSpansAndMetricsThroughReportExport() async throws {
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let fixture = TelemetryFixtures.testsRoot.appendingPathComponent("ReportKitTests/Fixtures/mixed-drill").path
        let dir = NSTemporaryDirectory() + "coldread-telemetry-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let runFolder = dir + "/Drills/runs/20260217T011700Z-ana"
        try FileManager.default.createDirectory(atPath: runFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture + "/coldread.yaml", toPath: dir + "/coldread.yaml")
        try FileManager.default.copyItem(atPath: fixture + "/agent-wrong-answers.md", toPath: dir + "/Runbooks/agent-wrong-answers.md")
        try FileManager.default.copyItem(atPath: fixture + "/journal.jsonl", toPath: runFolder + "/journal.jsonl")

        let (outcome, _) = try await run(["report", "latest", "--export", "otlp"], in: dir,
                                  environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_EXPORTER_OTLP_TIMEOUT": "20000"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        await receiver.waitForTracesAndMetrics()
        let drill = try #require(receiver.spans.first { $0.attribute("cicd.pipeline.name") == "coldread drill" })
        #expect(drill.attribute("cicd.pipeline.run.id") == "20260217T011700Z-ana")
        #expect(drill.attribute("coldread.cold") == "1" || drill.attribute("coldread.cold") == "True")
        #expect(receiver.spans.filter { $0.attributes["test.case.name"] != nil }.count == 4)
        #expect(receiver.spans.contains { $0.attribute("coldread.blocked.reason") == "sso_wall" })
        #expect(receiver.metrics.contains { $0["name"] as? String == "coldread.run.budget" && $0["value"] as? Double == 1800 })
    }

    @Test func aBadTelemetryValueIsOneErrorAtItsPlace() async throws {
        let dir = try project(telemetry: "telemetry:\n  endpoint: grpc://collector:4317\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (outcome, _) = try await run(["dry-run"], in: dir)
        #expect(outcome.status == 2)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("coldread.yaml:6:13: error: expected an OTLP/HTTP collector URL"), "\(outcome.stderr)")
    }
}
