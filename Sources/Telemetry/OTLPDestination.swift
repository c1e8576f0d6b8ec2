import OTel
import RunbookKit

/// Where a run's telemetry goes, settled from the standard OpenTelemetry variables and
/// `telemetry:` in coldread.yaml. The variables win (swift-otel applies them on top), so
/// a platform that injects `OTEL_EXPORTER_OTLP_ENDPOINT` into a CronJob needs no edit of
/// the file. Nil means off: neither names a collector, `OTEL_SDK_DISABLED=true`, or the
/// file says `enabled: false`.
public struct OTLPDestination: Sendable {
    public var configuration: OTel.Configuration
    /// The collector as named where it was configured, for warnings.
    public var name: String
    /// How long the whole export may take: the standard `OTEL_EXPORTER_OTLP_TIMEOUT`
    /// (milliseconds) when set, else `OTLPExport.defaultBudget`, so a collector that is
    /// down costs a run about two seconds unless the operator asked for more.
    public var budget: Duration = OTLPExport.defaultBudget

    static let endpointVariables = [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
    ]

    public init?(environment: [String: String], settings: TelemetrySettings?) {
        if settings?.enabled == false || environment["OTEL_SDK_DISABLED"]?.lowercased() == "true" { return nil }
        let fromEnvironment = Self.endpointVariables.compactMap { environment[$0] }.first { !$0.isEmpty }
        let fromFile = settings.flatMap { $0.endpoint ?? $0.tracesEndpoint ?? $0.metricsEndpoint }
        guard let name = fromEnvironment ?? fromFile else { return nil }
        self.name = name
        configuration = Self.configuration(Self.merged(settings ?? TelemetrySettings(), environment))
        if let milliseconds = environment["OTEL_EXPORTER_OTLP_TIMEOUT"].flatMap(Int.init), (1...600_000).contains(milliseconds) {
            budget = .milliseconds(milliseconds)
        }
    }

    /// The file's settings with the environment's on top, as swift-otel reads the
    /// process's own variables: a generic endpoint replaces the file's per-signal ones.
    static func merged(_ file: TelemetrySettings, _ environment: [String: String]) -> TelemetrySettings {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var settings = file
        if let endpoint = variable("OTEL_EXPORTER_OTLP_ENDPOINT") {
            settings.endpoint = endpoint
            settings.tracesEndpoint = nil
            settings.metricsEndpoint = nil
        }
        settings.tracesEndpoint = variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ?? settings.tracesEndpoint
        settings.metricsEndpoint = variable("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") ?? settings.metricsEndpoint
        settings.serviceName = variable("OTEL_SERVICE_NAME") ?? settings.serviceName
        return settings
    }

    /// Traces and metrics over OTLP/HTTP protobuf; logs stay with stderr.
    static func configuration(_ settings: TelemetrySettings) -> OTel.Configuration {
        var configuration = OTel.Configuration.default
        configuration.serviceName = settings.serviceName ?? "coldread"
        configuration.resourceAttributes = settings.resourceAttributes
        configuration.logs.enabled = false
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.metrics.otlpExporter.protocol = .httpProtobuf
        if let url = settings.tracesEndpoint ?? settings.endpoint.map({ joined($0, "v1/traces") }) {
            configuration.traces.otlpExporter.endpoint = url
        }
        if let url = settings.metricsEndpoint ?? settings.endpoint.map({ joined($0, "v1/metrics") }) {
            configuration.metrics.otlpExporter.endpoint = url
        }
        return configuration
    }

    private static func joined(_ base: String, _ path: String) -> String {
        base.hasSuffix("/") ? base + path : base + "/" + path
    }
}
