import ChildProcess
import Foundation

/// The Python OTLP/HTTP receiver (Tests/Support/OTLPReceiver), started on a free
/// loopback port for one test and stopped (and its files removed) by `stop()`, which
/// every test calls in a `defer`. It stops by itself after two minutes in any case.
final class OTLPReceiver: @unchecked Sendable {
    // @unchecked: set once in init, but `stopped`, which only `stop()` touches, from the test's task.
    let process: ChildProcess
    let folder: String
    let port: Int

    var endpoint: String { "http://127.0.0.1:\(port)" }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Support/OTLPReceiver/otlp_receiver.py").standardized.path

    init(delaySeconds: Double = 0) async throws {
        folder = NSTemporaryDirectory() + "coldread-otlp-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        process = try ChildProcess("/usr/bin/env", [
            "python3", Self.script, "--port-file", folder + "/port", "--out", folder + "/received.jsonl",
            "--delay", String(delaySeconds), "--lifetime", "120",
        ])
        let deadline = Date().addingTimeInterval(20)
        var port: Int?
        while port == nil && Date() < deadline {
            port = (try? String(contentsOfFile: folder + "/port", encoding: .utf8)).flatMap { Int($0) }
            if port == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        guard let port else {
            process.signal(SIGKILL)
            let outcome = await process.finished()
            try? FileManager.default.removeItem(atPath: folder)
            throw ReceiverFailure(stderr: outcome.stderr)
        }
        self.port = port
    }

    struct ReceiverFailure: Error, CustomStringConvertible {
        var stderr: String
        var description: String { "the OTLP receiver did not start (is opentelemetry-proto installed? see scripts/install-deps): \(stderr)" }
    }

    private var stopped = false

    /// Ends the receiver and removes its files; a second call does nothing (so a test
    /// may stop it early to play a collector that is down and still `defer` this).
    func stop() {
        guard !stopped else { return }
        stopped = true
        process.signal(SIGKILL)
        _ = process.wait()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Every request received so far, decoded, as the raw JSON lines.
    var rawText: String { (try? String(contentsOfFile: folder + "/received.jsonl", encoding: .utf8)) ?? "" }

    var records: [[String: Any]] {
        rawText.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    var spans: [[String: Any]] { records.flatMap { $0["spans"] as? [[String: Any]] ?? [] } }
    var metrics: [[String: Any]] { records.flatMap { $0["metrics"] as? [[String: Any]] ?? [] } }

    /// Waits until both signals arrived (the export has returned by then, but the
    /// receiver writes after it answers). Sleeps between looks without holding a thread.
    func waitForTracesAndMetrics(seconds: Double = 10) async {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline && (spans.isEmpty || metrics.isEmpty) { try? await Task.sleep(for: .milliseconds(20)) }
    }
}

extension Dictionary where Key == String, Value == Any {
    var attributes: [String: Any] { self["attributes"] as? [String: Any] ?? [:] }
    func attribute(_ name: String) -> String? { attributes[name].map { "\($0)" } }
}
