#!/usr/bin/env python3
"""Support for Benchmarks/probe-vs-lychee: writes the nginx fleet config, the runbooks
(for coldread) and the URL list (for lychee), and checks both tools' verdicts against
what the fleet was told to answer. `generate-delayed` does the same for the delayed
fleet (support/delay_fleet.py) and prints its mean delay in ms. Loopback only: every
host is in 127.0.0.0/8."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from delay_fleet import delay_ms  # noqa: E402

HOSTS = 20
PORT = 18080
DELAYED_PORT = 18081
# Path kind -> (share out of 10, expected coldread outcome, counts as a failure for lychee)
KINDS = [("ok", 7, "ok", False), ("gone", 1, "not_found", True), ("deny", 1, "forbidden", True), ("moved", 1, "ok", False)]
# The delayed fleet answers every URL with one request (no redirect), so its limit is exact.
DELAYED_KINDS = [("ok", 8, "ok", False), ("gone", 1, "not_found", True), ("deny", 1, "forbidden", True)]


def host(i):
    return f"127.0.0.{i + 1}"


def urls(count, kinds=KINDS, port=PORT):
    """`count` unique URLs spread evenly over the fleet, with a fixed mix of answers."""
    plan = []
    for n in range(count):
        slot = n % 10
        acc = 0
        for kind, share, outcome, fails in kinds:
            acc += share
            if slot < acc:
                break
        plan.append((f"http://{host(n % HOSTS)}:{port}/{kind}/{n}", outcome, fails))
    return plan


def nginx_conf(workdir):
    listens = "\n".join(f"    listen {host(i)}:{PORT} reuseport;" for i in range(HOSTS))
    return f"""worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log crit;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 100000;
  keepalive_timeout 60s;
  client_body_temp_path {workdir}/tmp;
  proxy_temp_path {workdir}/tmp;
  fastcgi_temp_path {workdir}/tmp;
  uwsgi_temp_path {workdir}/tmp;
  scgi_temp_path {workdir}/tmp;
  default_type text/html;
  server {{
{listens}
    location /ok/ {{ return 200 "<!doctype html><html><body><h1>dashboard</h1></body></html>"; }}
    location /gone/ {{ return 404; }}
    location /deny/ {{ return 403; }}
    location ~ ^/moved/(\\d+)$ {{ return 301 /ok/$1; }}
  }}
}}
"""


def generate(workdir, count):
    os.makedirs(f"{workdir}/tmp", exist_ok=True)
    with open(f"{workdir}/nginx.conf", "w") as f:
        f.write(nginx_conf(workdir))
    write_plan(workdir, urls(count))


def generate_delayed(workdir, count):
    write_plan(workdir, urls(count, DELAYED_KINDS, DELAYED_PORT))
    print(sum(delay_ms(n) for n in range(count)) / count)


def write_plan(workdir, plan):
    """The URL list (lychee), the expected verdicts and the runbooks on disk (coldread)."""
    count = len(plan)
    os.makedirs(f"{workdir}/project/Runbooks", exist_ok=True)
    with open(f"{workdir}/urls.txt", "w") as f:
        f.write("\n".join(u for u, _, _ in plan) + "\n")
    with open(f"{workdir}/expected.json", "w") as f:
        json.dump({u: [o, fails] for u, o, fails in plan}, f)
    with open(f"{workdir}/project/coldread.yaml", "w") as f:
        f.write("rotations: {bench: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {}\n")
    per_runbook = 500
    for r in range(0, count, per_runbook):
        chunk = plan[r:r + per_runbook]
        lines = [f"---\nid: bench-{r // per_runbook:02d}\nrotation: bench\n---\n", f"# Benchmark runbook {r // per_runbook}\n", "## Steps\n"]
        lines += [f"{i + 1}. Open [the dashboard]({u}).\n" for i, (u, _, _) in enumerate(chunk)]
        with open(f"{workdir}/project/Runbooks/bench-{r // per_runbook:02d}.md", "w") as f:
            f.write("".join(lines))


def check_coldread(workdir, output):
    expected = json.load(open(f"{workdir}/expected.json"))
    results = json.load(open(output))["results"]
    got = {r["url"]: r["outcome"] for r in results if r["kind"] == "link"}
    wrong = [u for u, (o, _) in expected.items() if got.get(u) != o]
    if wrong:
        print(f"coldread misclassified {len(wrong)} of {len(expected)} URLs, e.g. {wrong[0]} -> {got.get(wrong[0])}", file=sys.stderr)
        return 1
    return 0


def check_lychee(workdir, output):
    expected = json.load(open(f"{workdir}/expected.json"))
    report = json.load(open(output))
    failing = {u for u, (_, fails) in expected.items() if fails}
    flagged = {e["url"] for entries in report.get("error_map", report.get("fail_map", {})).values() for e in entries}
    if flagged != failing or report.get("total") != len(expected):
        print(f"lychee flagged {len(flagged)} (expected {len(failing)}) of {report.get('total')} URLs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    command, workdir = sys.argv[1], sys.argv[2]
    if command == "generate":
        generate(workdir, int(sys.argv[3]))
    elif command == "generate-delayed":
        generate_delayed(workdir, int(sys.argv[3]))
    elif command == "check-coldread":
        sys.exit(check_coldread(workdir, sys.argv[3]))
    elif command == "check-lychee":
        sys.exit(check_lychee(workdir, sys.argv[3]))
