/// Finds the tools a step needs from its code blocks and inline code, the way a shell
/// user reading the step would: the program each command runs, in blocks that hold
/// commands (see `ShellBlock`), and known tools that open an inline code span.
struct ShellTools {
    /// Common operations CLIs recognised in inline code spans; `tools:` in
    /// `coldread.yaml` extends the list.
    static let defaultKnownTools: Set<String> = [
        "kubectl", "helm", "aws", "gcloud", "az", "terraform", "docker", "podman", "systemctl",
        "journalctl", "curl", "wget", "jq", "yq", "psql", "mysql", "redis-cli", "mongosh", "etcdctl", "promtool",
        "amtool", "vault", "consul", "nomad", "ssh", "scp", "git", "gh", "kubectx", "kubens", "k9s", "stern", "oc",
        "istioctl", "linkerd", "argocd", "flux", "velero", "dig", "nslookup", "openssl", "tcpdump", "iptables",
        "ss", "netstat", "lsof", "strace", "dmesg", "lsblk", "smartctl", "mdadm", "chronyc", "ntpq", "timedatectl",
        "grpcurl", "thanos", "mimirtool", "logcli", "tsh", "sops", "kustomize", "crictl", "ctr", "nerdctl",
        "ansible", "ansible-playbook", "pulumi", "eksctl", "ethtool", "iostat", "vmstat", "sar", "perf",
        "kafka-topics", "kafka-consumer-groups", "cqlsh", "nodetool", "gsutil", "bq", "az", "doctl", "heroku",
        "pd", "pagerduty", "datadog-ci", "sentry-cli", "opsgenie", "promptctl",
    ]

    let known: Set<String>

    /// `known`: the default list plus `tools:` from coldread.yaml (`LoaderOptions.knownTools`).
    init(known: Set<String>) { self.known = known }

    /// Tool names in a code block, each with its 0-based line offset in the block.
    /// `info` is the fence's info string, nil for an indented block.
    func tools(inCodeBlock code: String, info: String?) -> [(name: String, lineOffset: Int)] {
        var lines = code.lineSlices()
        var language = CodeBlockLanguage(info: info)
        var skipped = 0
        if info == nil, let inner = Self.innerFence(lines) {
            // MkDocs content tabs and admonitions indent a fenced block: CommonMark sees an
            // indented block whose first line is the fence; the reader sees the fence.
            language = CodeBlockLanguage(info: inner.info)
            lines = inner.body
            skipped = inner.offset
        }
        let block = ShellBlock(lines: lines, language: language, known: known)
        return block.commands().flatMap { command in command.programs.map { ($0.word.text, $0.line + skipped) } }
    }

    /// The info string and body of a fence (```` ```bash ```` … ```` ``` ````, or `~~~`) that
    /// an indented block holds whole.
    static func innerFence(_ lines: [Substring]) -> (info: String, body: [Substring], offset: Int)? {
        let filled = lines.indices.filter { !lines[$0].withoutLeadingBlanks.isEmpty }
        guard let first = filled.first, let last = filled.last, first < last else { return nil }
        let opening = lines[first].withoutLeadingBlanks
        for marker in ["```", "~~~"] where opening.hasPrefix(marker) {
            let closing = lines[last].withoutLeadingBlanks.withoutTrailingBlanks
            guard closing.hasPrefix(marker), closing.allSatisfy({ $0 == marker.first }) else { return nil }
            let info = opening.drop { $0 == marker.first }.withoutLeadingBlanks.withoutTrailingBlanks
            guard !info.contains("`") else { return nil }
            return (String(info), Array(lines[(first + 1)..<last]), first + 1)
        }
        return nil
    }

    /// The tool an inline code span starts with, when it is a known one.
    func tool(inInlineCode code: String) -> String? {
        let text = Substring(code)
        guard let word = firstCommandWord(ShellPrompt.command(in: text) ?? text), known.contains(word) else { return nil }
        return word
    }

    /// The program the first simple command of a line runs, past env assignments and
    /// wrappers like sudo.
    func firstCommandWord(_ command: Substring) -> String? {
        ShellSyntax(command).commands.first.flatMap(CommandWord.program)?.text
    }
}
