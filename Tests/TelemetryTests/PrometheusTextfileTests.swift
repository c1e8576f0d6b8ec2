import ChildProcess
import Foundation
import Telemetry
import Testing

/// The textfile node_exporter reads: valid for `promtool check metrics` (Debian's
/// `prometheus` package), and replaced by a rename, never rewritten in place.
@Suite struct PrometheusTextfileTests {
    func textfile() throws -> String {
        let report = try TelemetryFixtures.mixedDrill()
        let telemetry = RunTelemetry(report: report, drills: [])
        return PrometheusTextfile.render(telemetry.metrics, finishedAt: telemetry.finishedAt)
    }

    @Test func promtoolAcceptsTheTextfile() async throws {
        let text = try textfile()
        #expect(text.contains("coldread_last_run_timestamp_seconds "))
        #expect(text.contains("coldread_run_steps{outcome=\"fail\",run_kind=\"drill\"} ") || text.contains("coldread_run_steps{run_kind=\"drill\",step_outcome=\"fail\"} "))
        let check = try await ChildProcess.run("/usr/bin/env", ["promtool", "check", "metrics"], input: text)
        #expect(check.status == 0, "promtool: \(check.stdout) \(check.stderr)")
    }

    @Test func theFileIsReplacedByARenameAndLeavesNoTemporaryFile() throws {
        let folder = NSTemporaryDirectory() + "coldread-prom-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/coldread.prom"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let reader = try #require(FileHandle(forReadingAtPath: path))
        defer { try? reader.close() }
        let before = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)

        let report = try TelemetryFixtures.mixedDrill()
        try RunTelemetry(report: report, drills: []).writePrometheus(to: path)

        let after = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        #expect(after != before)
        // A reader that opened the old file still reads it whole: nothing was truncated.
        #expect(String(decoding: reader.readDataToEndOfFile(), as: UTF8.self) == "old\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("coldread_last_run_timestamp_seconds"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["coldread.prom"])
    }
}
