import Foundation
import RunbookKit
import Telemetry

/// A closed run handed to the Telemetry target (OTLP export, Prometheus textfile). Its
/// warnings come back for the command to print: a collector that is down never changes
/// a command's exit code; only a textfile that cannot be written is an error.
public enum RunPublishing {
    public static func publish(runId: String, directory: Directory, prometheus: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws(CommandFailure) -> [String]
    {
        let store = RunFolders(directory: directory).store
        do {
            return try await RunPublication.publish(runId: runId, store: store, settings: directory.telemetry, prometheus: prometheus,
                                                    redaction: Outbound.redaction, environment: environment)
        } catch {
            throw .input("\(error)")
        }
    }

    /// `report --export otlp`: a past run sent as it would have been when it finished,
    /// or one line saying why it cannot be.
    public static func backfill(runId: String, to target: String, directory: Directory,
                                environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws(CommandFailure) -> [String]
    {
        guard target == "otlp" else {
            throw .input("coldread report: --export expected otlp, found '\(target)' (hint: --export otlp sends to OTEL_EXPORTER_OTLP_ENDPOINT)")
        }
        guard OTLPDestination(environment: environment, settings: directory.telemetry) != nil else {
            throw .input("coldread report: --export otlp found no collector (hint: set OTEL_EXPORTER_OTLP_ENDPOINT, or telemetry: {endpoint: URL} in coldread.yaml)")
        }
        return try await publish(runId: runId, directory: directory, environment: environment)
    }
}
