/// One attribute or label value, as OTLP carries it. Kept apart from swift-otel's types
/// so the trace and metrics of a run are plain values, tested without a collector.
public enum TelemetryValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case strings([String])
}

/// Attribute names as the OpenTelemetry semantic conventions spell them, plus ours.
public typealias TelemetryAttributes = [String: TelemetryValue]
