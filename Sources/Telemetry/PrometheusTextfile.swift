import Foundation

/// The run's metrics in Prometheus' text exposition format, for node_exporter's
/// textfile collector (`coldread dry-run --prometheus FILE`), with
/// `coldread_last_run_timestamp_seconds` so an alert can tell a cron job that stopped
/// running from one that keeps passing.
public enum PrometheusTextfile {
    public static func render(_ points: [MetricPoint], finishedAt: Date) -> String {
        var out: [String] = []
        var seen: Set<String> = []
        for point in points {
            let name = metricName(point)
            if seen.insert(name).inserted {
                out.append("# HELP \(name) \(point.help)")
                out.append("# TYPE \(name) gauge")
            }
            out.append(name + labelSet(point.labels) + " " + number(point.value))
        }
        out.append("# HELP coldread_last_run_timestamp_seconds When the last run finished (Unix time).")
        out.append("# TYPE coldread_last_run_timestamp_seconds gauge")
        out.append("coldread_last_run_timestamp_seconds " + number(finishedAt.timeIntervalSince1970.rounded()))
        return out.joined(separator: "\n") + "\n"
    }

    /// Writes beside the target and renames over it, so the collector never reads half
    /// a file. The temporary name does not end in `.prom`, which the collector skips.
    public static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// `coldread.run.duration` with unit `s` is `coldread_run_duration_seconds`.
    static func metricName(_ point: MetricPoint) -> String {
        let base = point.name.replacingOccurrences(of: ".", with: "_")
        return point.unit == "s" ? base + "_seconds" : base
    }

    /// Labels lose the `coldread.` namespace the OpenTelemetry names carry.
    static func labelSet(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "" }
        let pairs = labels.sorted { $0.key < $1.key }.map { key, value in
            let name = (key.hasPrefix("coldread.") ? String(key.dropFirst("coldread.".count)) : key).replacingOccurrences(of: ".", with: "_")
            return "\(name)=\"\(escape(value))\""
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
