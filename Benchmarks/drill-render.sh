#!/usr/bin/env bash
# Drill TUI performance on a generated 500-step runbook (release build), with the live
# access sources (PagerDuty, SCIM) answered by a loopback server, as a real drill asks them:
#   - time from launch to the first frame (the briefing), measured in tmux by polling
#     capture-pane, so it includes tmux's own latency (an upper bound);
#   - peak RSS of the drill process up to that frame (/usr/bin/time -f %M);
#   - median render time of one frame (Benchmarks/RenderBench, an executable target).
# Targets: first frame < 150 ms, median render < 2 ms, peak RSS < 50 MB.
# Usage: Benchmarks/drill-render.sh   (from the package root)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# COLDREAD_BENCH_CONFIG=debug measures the debug build instead (quicker to build).
config="${COLDREAD_BENCH_CONFIG:-release}"
scratch=".build"; [ "$config" = release ] && scratch=".build-release"
swift build -c "$config" --scratch-path "$scratch" --product coldread >/dev/null
bin="$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)/coldread"

work="$(mktemp -d)"
# One tmux server per run: reusing a socket right after kill-server races the old
# server's exit ("server exited unexpectedly").
socks=()
trap 'for s in "${socks[@]}"; do tmux -L "$s" kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$s"; done; rm -rf "$work"' EXIT
mkdir -p "$work/Runbooks"
python3 Benchmarks/support/loopback-providers.py "$work/port" &
providers=$!
trap 'kill "$providers" 2>/dev/null || true; for s in "${socks[@]}"; do tmux -L "$s" kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$s"; done; rm -rf "$work"' EXIT
until [ -s "$work/port" ]; do sleep 0.05; done
port="$(cat "$work/port")"
cp coldread.yaml "$work/"
cat >> "$work/coldread.yaml" <<YAML

providers:
  timeout: 2s
  pagerduty: {base_url: "http://127.0.0.1:$port", token_env: BENCH_PD_TOKEN, rotations: {sre-primary: {schedule: PBENCH1}}}
  scim: {base_url: "http://127.0.0.1:$port", token_env: BENCH_SCIM_TOKEN, groups: [sre]}
YAML
python3 - "$work/Runbooks/generated.yaml" <<'PY'
import sys
lines = ["id: generated", "title: Generated 500-step runbook", "owner: ai-platform", "rotation: sre-primary",
         "budget: 60m", "steps:"]
for i in range(1, 501):
    lines += [f"  - title: \"Step {i}: check service {i % 17} and roll it back if needed\"",
              "    body: Open the dashboard, compare the error rate with the last deploy, and roll back when it is worse.",
              f"    links: [{{title: dashboard {i}, url: \"https://grafana.corp.example/d/{i}\"}}]",
              f"    scopes: [\"k8s:get:svc-{i % 17}\"]",
              "    tools: [kubectl]"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY

runs=5
firsts=()
for run in $(seq 1 $runs); do
  sock="coldread-bench-$$-$run"
  socks+=("$sock")
  start=$(date +%s%N)
  tmux -L "$sock" -f /dev/null new-session -d -s bench -x 120 -y 40 -c "$work" \
    -e TERM=xterm-256color -e LANG=C.UTF-8 -e BENCH_PD_TOKEN=pd-bench -e BENCH_SCIM_TOKEN=scim-bench \
    "/usr/bin/time -f %M -o $work/rss-$run.txt $bin drill Runbooks/generated.yaml --reader ben; sleep 30"
  until tmux -L "$sock" capture-pane -p -t bench 2>/dev/null | grep -q "Press Enter to start the timer"; do :; done
  end=$(date +%s%N)
  firsts+=($(( (end - start) / 1000000 )))
  # The briefing names the sources that answered; a bench without them would not be this one.
  [ "$run" = 1 ] && tmux -L "$sock" capture-pane -p -t bench | grep -E "answered|could not|alone" | sed 's/^ */access: /'
  tmux -L "$sock" send-keys -t bench q
  deadline=$(( $(date +%s) + 10 ))
  until [ -s "$work/rss-$run.txt" ] || [ "$(date +%s)" -gt "$deadline" ]; do :; done
  tmux -L "$sock" kill-server 2>/dev/null || true
done
sorted=($(printf '%s\n' "${firsts[@]}" | sort -n))
echo "first frame (launch to briefing on screen, via tmux), $runs runs: median ${sorted[$((runs / 2))]} ms, all: ${firsts[*]} ms"
rss=$(cat "$work"/rss-*.txt | sort -n | tail -1)
echo "peak RSS: $((rss / 1024)) MB (${rss} kB)"

# Median render time of one frame, from the release build of the core (Benchmarks/RenderBench).
swift build -c "$config" --scratch-path "$scratch" --product render-bench >/dev/null
"$(dirname "$bin")/render-bench"
