/// Finds the tools a step needs from its shell blocks and inline code, the way a reader
/// scanning the step would: the first command word of each command line.
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

    /// Shell builtins and keywords: never tools a reader must install.
    static let builtins: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function",
        "in", "select", "time", "{", "}", "[", "[[", "]]", "!", "cd", "echo", "export", "exit", "set", "unset",
        "source", ".", "alias", "unalias", "eval", "exec", "read", "return", "local", "declare", "typeset",
        "shift", "trap", "true", "false", "test", "printf", "wait", "ulimit", "umask", "pushd", "popd", "let",
        "readonly", "break", "continue", "history", "type", "command", "builtin", "hash", "jobs", "fg", "bg",
    ]

    /// Prefixes that run another command: the real tool is the next word.
    static let wrappers: Set<String> = ["sudo", "env", "nohup", "time", "exec", "command", "xargs", "watch", "timeout", "nice"]

    /// Wrapper options that take a value (`sudo -u ops systemctl …`).
    static let wrapperOptionsWithValues: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-p", "-C", "-D", "-h", "-r", "-t", "-U"], "env": ["-u", "-C", "-S"],
        "timeout": ["-s", "-k", "--signal", "--kill-after"], "watch": ["-n", "--interval"], "nice": ["-n"],
        "xargs": ["-I", "-n", "-P", "-L", "-d", "-a", "-E", "-s"],
    ]

    static let shellInfoStrings: Set<String> = ["", "sh", "shell", "bash", "zsh", "console", "shell-session", "shellsession", "terminal", "ksh", "fish"]

    let known: Set<String>

    /// `known`: the default list plus `tools:` from coldread.yaml (`LoaderOptions.knownTools`).
    init(known: Set<String>) { self.known = known }

    static func isShellBlock(info: String) -> Bool {
        let word = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return shellInfoStrings.contains(word.trimmingCharacters(in: "{}."))
    }

    /// Tool names in a shell-like code block, each with its 0-based line offset in the block.
    func tools(inShellBlock code: String) -> [(name: String, lineOffset: Int)] {
        let lines = code.lineSlices().map { $0.trimmingWhitespace() }
        let hasPrompts = lines.contains { $0.hasPrefix("$ ") || $0 == "$" }
        var out: [(String, Int)] = []
        var continuation = false
        var heredocEnd: String?
        for (i, line) in lines.enumerated() {
            if let end = heredocEnd {
                if line == end { heredocEnd = nil }
                continue
            }
            let wasContinuation = continuation
            continuation = line.hasSuffix("\\")
            if wasContinuation || line.isEmpty { continue }
            var command: Substring
            if line.hasPrefix("$ ") {
                command = line.dropFirst(2)
            } else if line.hasPrefix("# ") || line == "#" {
                // `# ` is a root prompt only when a known tool follows; otherwise a comment.
                let rest = line.dropFirst(2)
                guard let first = rest.split(separator: " ").first, known.contains(String(first)) else { continue }
                command = rest
            } else if line.hasPrefix("#") {
                continue
            } else if hasPrompts {
                continue  // output lines in a transcript
            } else {
                command = Substring(line)
            }
            if let marker = heredocMarker(in: command) { heredocEnd = marker }
            if let tool = firstCommandWord(command) { out.append((tool, i)) }
        }
        return out
    }

    /// The tool an inline code span starts with, when it is a known one.
    func tool(inInlineCode code: String) -> String? {
        var text = code.trimmingWhitespace()
        if text.hasPrefix("$ ") { text = String(text.dropFirst(2)) }
        guard let word = firstCommandWord(Substring(text)), known.contains(word) else { return nil }
        return word
    }

    /// The first word that names a program, past env assignments and wrappers like sudo.
    /// Words are split only as far as needed: most lines are decided by their first word.
    func firstCommandWord(_ command: Substring) -> String? {
        var words = CommandWords(String(command))
        while let original = words.next() {
            var word = original
            while word.hasPrefix("(") || word.hasPrefix("!") { word.removeFirst() }
            if word.isEmpty { continue }
            if isAssignment(word) {
                // `NODE=<instance label from alert>`: a placeholder value spans several words.
                if word.contains("<") && !word.contains(">") {
                    while let next = words.next(), !next.contains(">") {}
                }
                continue
            }
            if Self.wrappers.contains(word) {
                let takesValue = Self.wrapperOptionsWithValues[word] ?? []
                while let option = words.peek(),
                      option.hasPrefix("-") || isAssignment(option) || (word == "timeout" && option.first?.isNumber == true) {
                    _ = words.next()
                    if takesValue.contains(option) { _ = words.next() }
                }
                continue
            }
            if Self.builtins.contains(word) { return nil }
            guard looksLikeProgram(word) else { return nil }
            return word
        }
        return nil
    }

    /// Command-line words with one word of lookahead, for wrapper options.
    private struct CommandWords {
        var words: ArgvSplitter.Words
        var peeked: String??

        init(_ command: String) { words = ArgvSplitter.Words(command) }

        mutating func peek() -> String? {
            if let peeked { return peeked }
            let word = words.next()
            peeked = .some(word)
            return word
        }

        mutating func next() -> String? {
            if let peeked {
                self.peeked = nil
                return peeked
            }
            return words.next()
        }
    }

    private func isAssignment(_ word: String) -> Bool {
        guard let eq = word.firstIndex(of: "="), eq != word.startIndex else { return false }
        return word[..<eq].allSatisfy { Self.isLetter($0) || Self.isNumber($0) || $0 == "_" }
    }

    private func looksLikeProgram(_ word: String) -> Bool {
        guard let first = word.first, Self.isLetter(first) || first == "." || first == "/" || first == "_" else { return false }
        return word.allSatisfy { Self.isLetter($0) || Self.isNumber($0) || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/" || $0 == "+" }
    }

    /// `Character.isLetter`, answered from the byte for ASCII, where nearly every command
    /// word lives; Unicode properties decide the rest. (CR LF reads as LF: not a letter.)
    private static func isLetter(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return c.isLetter }
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii | 0x20)
    }

    /// `Character.isNumber`, answered from the byte for ASCII.
    private static func isNumber(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return c.isNumber }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii)
    }

    private func heredocMarker(in command: Substring) -> String? {
        // Most lines have no `<<` at all; a byte scan says so without Foundation's search.
        guard Self.containsDoubleLessThan(command.utf8), let range = command.range(of: "<<") else { return nil }
        var rest = command[range.upperBound...]
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        if rest.hasPrefix("<") { return nil }  // here-string
        let word = rest.trimmingWhitespace().split(separator: " ").first.map(String.init) ?? ""
        let marker = word.trimmingCharacters(in: "'\"")
        return marker.isEmpty ? nil : marker
    }

    private static func containsDoubleLessThan(_ bytes: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "<") && previous == UInt8(ascii: "<") { return true }
            previous = byte
        }
        return false
    }
}

extension String {
    /// Trims any of the given characters from both ends.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
