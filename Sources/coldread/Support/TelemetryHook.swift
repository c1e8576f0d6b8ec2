import DrillKit
import Jobs
import RunbookKit
import Telemetry

/// Hands a closed run to the Telemetry target (OTLP export, Prometheus textfile) and
/// prints its warnings; a collector that is down never changes a command's exit code.
enum TelemetryHook {
    static func publish(runId: String, directory: Directory, prometheus: String? = nil) async throws(CommandFailure) {
        let store = RunFolders(directory: directory).store
        do {
            let warnings = try await RunPublication.publish(
                runId: runId, store: store, settings: directory.telemetry, prometheus: prometheus, redaction: Outbound.redaction)
            warnings.forEach(StandardError.write)
        } catch {
            throw .input("\(error)")
        }
    }
}
