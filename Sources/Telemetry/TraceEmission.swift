import Foundation
import Tracing

/// A wall-clock instant from the journal, for spans that happened before they are sent.
struct JournalInstant: TracerInstant {
    var nanosecondsSinceEpoch: UInt64

    init(_ date: Date) {
        nanosecondsSinceEpoch = UInt64(max(0, date.timeIntervalSince1970 * 1_000_000_000).rounded())
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }
}

/// Replays a run's spans into a tracer with their recorded start and end.
enum TraceEmission {
    static func emit(_ spans: [TraceSpan], with tracer: some Tracer) {
        var started: [any Span] = []
        for span in spans {
            let parent = span.parent.map { started[$0].context } ?? .topLevel
            let live = tracer.startSpan(span.name, context: parent, ofKind: .internal, at: JournalInstant(span.start))
            live.attributes = attributes(span.attributes)
            for event in span.events {
                live.addEvent(SpanEvent(name: event.name, at: JournalInstant(span.start), attributes: attributes(event.attributes)))
            }
            if span.failed { live.setStatus(SpanStatus(code: .error)) }
            started.append(live)
        }
        // Children end before their parents, as they did in the run.
        for (span, live) in zip(spans, started).reversed() {
            live.end(at: JournalInstant(span.end))
        }
    }

    static func attributes(_ values: TelemetryAttributes) -> SpanAttributes {
        var attributes = SpanAttributes()
        for (key, value) in values {
            switch value {
            case .string(let text): attributes[key] = SpanAttribute.string(text)
            case .int(let number): attributes[key] = SpanAttribute.int64(Int64(number))
            case .double(let number): attributes[key] = SpanAttribute.double(number)
            case .bool(let flag): attributes[key] = SpanAttribute.bool(flag)
            case .strings(let texts): attributes[key] = SpanAttribute.stringArray(texts)
            }
        }
        return attributes
    }
}
