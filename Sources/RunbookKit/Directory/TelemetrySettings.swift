/// Where drills and dry-runs send their traces and metrics (`telemetry:` in
/// coldread.yaml). The standard `OTEL_EXPORTER_OTLP_*` variables win over it, so the
/// same file serves a laptop and a CronJob whose collector is injected by the platform.
public struct TelemetrySettings: Hashable, Sendable {
    /// OTLP/HTTP base URL; `/v1/traces` and `/v1/metrics` are appended.
    public var endpoint: String?
    /// Full URLs for one signal, used as they are (as the OTel variables of the same name).
    public var tracesEndpoint: String?
    public var metricsEndpoint: String?
    public var serviceName: String?
    public var resourceAttributes: [String: String] = [:]
    /// `enabled: false` turns export off even when the environment names a collector.
    public var enabled = true

    /// Nothing set: the environment alone decides. The loader fills in the rest.
    public init() {}
}

/// Reads `telemetry:` from coldread.yaml, each bad value an error at its place.
enum TelemetrySettingsLoader {
    static func parse(_ value: YAMLValue, _ sink: ErrorSink) -> TelemetrySettings {
        var settings = TelemetrySettings()
        for (key, keyLocation, v) in value.mapping(sink, expected: "{endpoint: URL, service_name: NAME, …}") ?? [] {
            switch key {
            case "endpoint": settings.endpoint = url(v, sink)
            case "traces_endpoint": settings.tracesEndpoint = url(v, sink)
            case "metrics_endpoint": settings.metricsEndpoint = url(v, sink)
            case "service_name": settings.serviceName = v.string(sink, expected: "a service name such as coldread")
            case "resource_attributes":
                for (name, _, attribute) in v.mapping(sink, expected: "a mapping of attribute names to text") ?? [] {
                    settings.resourceAttributes[name] = attribute.string(sink)
                }
            case "enabled": settings.enabled = v.bool(sink) ?? settings.enabled
            default:
                sink.add(keyLocation, expected: "endpoint, traces_endpoint, metrics_endpoint, service_name, resource_attributes or enabled",
                         found: "'\(key)'", hint: "see docs/observability.md")
            }
        }
        return settings
    }

    /// An absolute http(s) URL: an OTLP/HTTP collector is never reached any other way.
    private static func url(_ value: YAMLValue, _ sink: ErrorSink) -> String? {
        guard let text = value.string(sink) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), URLParts(text)?.host.isEmpty == false else {
            sink.add(value.location, expected: "an OTLP/HTTP collector URL such as http://otel-collector:4318", found: "'\(text)'",
                     hint: "telemetry is sent over OTLP/HTTP (protobuf); gRPC endpoints on :4317 are not used")
            return nil
        }
        return text
    }
}
