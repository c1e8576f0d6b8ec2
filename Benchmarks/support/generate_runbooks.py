"""Generates a runbook library for benchmarks: N runbooks with S steps each, with
declared scopes, links (some non-federated), shell blocks and inline code."""
import os
import sys

root, count, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{root}/Runbooks", exist_ok=True)
with open(f"{root}/coldread.yaml", "w") as f:
    f.write("""rotations: {sre: {members: [ana, ben, chidi]}}
groups: {sre: [ana, ben, chidi], ai: [dmitri]}
grants: {"grafana:read": [sre, ai], "traces:read": [ai], "k8s:*": [sre]}
federation: {central: [grafana.corp.example]}
""")
for r in range(count):
    lines = [f"---\nid: rb-{r}\nrotation: sre\nowner: ai\nbudget: 30m\n---\n", f"# Runbook {r}\n",
             "## Meaning\n\nSomething is wrong.\n", "## Steps\n"]
    for s in range(steps):
        scope = ["grafana:read", "traces:read", "k8s:rollout:x"][s % 3]
        host = "grafana.corp.example" if s % 4 else f"traces-{r % 20}.ai.corp.example"
        lines.append(f"{s + 1}. Check [panel {s}](https://{host}/d/{r}/{s}?from=now-1h) and run `kubectl get pods -n ns{s}`:\n\n"
                     f"   ```sh\n   kubectl -n ns{s} rollout status deploy/app-{s}\n   ```\n"
                     f"   <!-- coldread\n   scopes: [{scope}]\n   -->\n")
    with open(f"{root}/Runbooks/rb-{r:04d}.md", "w") as f:
        f.write("\n".join(lines))
