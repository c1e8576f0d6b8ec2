#!/usr/bin/env python3
"""A real OTLP/HTTP receiver for the telemetry tests.

It listens on 127.0.0.1 (a free port, written to --port-file once it is listening),
decodes every POST to /v1/traces and /v1/metrics with the official OpenTelemetry
protobuf definitions (the `opentelemetry-proto` package from PyPI), and appends one JSON
line per request to --out, so the test reads exactly what a collector would have got.
With --delay S it waits S seconds before answering (a slow collector). It stops by
itself after --lifetime seconds, so no test can leave it running.
"""
import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2


def value(any_value):
    kind = any_value.WhichOneof("value")
    if kind == "array_value":
        return [value(v) for v in any_value.array_value.values]
    return getattr(any_value, kind) if kind else None


def attributes(pairs):
    return {kv.key: value(kv.value) for kv in pairs}


def spans(request):
    out = []
    for resource_spans in request.resource_spans:
        resource = attributes(resource_spans.resource.attributes)
        for scope_spans in resource_spans.scope_spans:
            for span in scope_spans.spans:
                out.append({
                    "name": span.name,
                    "trace_id": span.trace_id.hex(),
                    "span_id": span.span_id.hex(),
                    "parent_span_id": span.parent_span_id.hex(),
                    "start": span.start_time_unix_nano,
                    "end": span.end_time_unix_nano,
                    "attributes": attributes(span.attributes),
                    "status": span.status.code,
                    "events": [{"name": e.name, "attributes": attributes(e.attributes)} for e in span.events],
                    "resource": resource,
                })
    return out


def metrics(request):
    out = []
    for resource_metrics in request.resource_metrics:
        for scope_metrics in resource_metrics.scope_metrics:
            for metric in scope_metrics.metrics:
                kind = metric.WhichOneof("data")
                points = getattr(metric, kind).data_points if kind in ("gauge", "sum") else []
                for point in points:
                    number = point.as_double if point.WhichOneof("value") == "as_double" else point.as_int
                    out.append({"name": metric.name, "kind": kind, "attributes": attributes(point.attributes), "value": number})
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--lifetime", type=float, default=120)
    args = parser.parse_args()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if args.delay:
                time.sleep(args.delay)
            if self.path == "/v1/traces":
                record = {"signal": "traces", "spans": spans(trace_service_pb2.ExportTraceServiceRequest.FromString(body))}
                reply = trace_service_pb2.ExportTraceServiceResponse()
            elif self.path == "/v1/metrics":
                record = {"signal": "metrics", "metrics": metrics(metrics_service_pb2.ExportMetricsServiceRequest.FromString(body))}
                reply = metrics_service_pb2.ExportMetricsServiceResponse()
            else:
                self.send_response(404)
                self.end_headers()
                return
            record["content_type"] = self.headers.get("Content-Type")
            with lock, open(args.out, "a") as out:
                out.write(json.dumps(record) + "\n")
            payload = reply.SerializeToString()
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    stopper = threading.Timer(args.lifetime, server.shutdown)
    stopper.daemon = True
    stopper.start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(args.port_file + ".tmp", args.port_file)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
