import DrillKit
import Foundation
import RunbookKit

/// What a command does with a run once its journal is closed: export it to the
/// collector the environment or coldread.yaml names, and write the Prometheus textfile
/// when asked. The one call the executable makes, so its commands stay thin.
public enum RunPublication {
    public enum Failure: Error, CustomStringConvertible {
        case textfile(path: String, reason: String)
        case journal(String)

        public var description: String {
            switch self {
            case .textfile(let path, let reason):
                return "\(path):1:1: error: expected a writable Prometheus textfile, found \(reason) (hint: check that its folder exists, e.g. node_exporter's --collector.textfile.directory)"
            case .journal(let reason): return reason
            }
        }
    }

    /// Publishes run `runId` of `store`; returns the warnings to print (a collector that
    /// was down). Throws only when the textfile asked for cannot be written.
    public static func publish(runId: String, store: RunStore, settings: TelemetrySettings?, prometheus: String?,
                               redaction: Redaction, environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws(Failure) -> [String]
    {
        let destination = OTLPDestination(environment: environment, settings: settings)
        guard destination != nil || prometheus != nil else { return [] }
        let telemetry: RunTelemetry
        do {
            telemetry = try RunTelemetry(runId: runId, store: store, redaction: redaction)
        } catch {
            throw .journal(error.description)
        }
        if let prometheus {
            do {
                try telemetry.writePrometheus(to: prometheus)
            } catch {
                throw .textfile(path: prometheus, reason: error.localizedDescription)
            }
        }
        guard let destination else { return [] }
        return await telemetry.export(to: destination).map { [$0] } ?? []
    }
}
