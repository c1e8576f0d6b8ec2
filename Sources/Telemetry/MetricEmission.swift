import Metrics

/// Records a run's metrics as swift-metrics gauges on the exporter's own factory (no
/// global bootstrap, so tests and commands can export more than once per process).
enum MetricEmission {
    static func record(_ points: [MetricPoint], with factory: some MetricsFactory) {
        for point in points {
            let dimensions = point.labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            Gauge(label: point.name, dimensions: dimensions, factory: factory).record(point.value)
        }
    }
}
