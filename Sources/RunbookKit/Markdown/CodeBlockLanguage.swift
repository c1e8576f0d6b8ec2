/// What a code block's info string says it holds. Indented blocks have none and are read
/// like unlabelled fences.
enum CodeBlockLanguage: Equatable {
    /// `sh`, `bash`, `console`, …: the author says these are shell.
    case shell
    /// No info string: shell only when its lines look like shell.
    case unlabelled
    /// `sql`, `promql`, `yaml`, `text`, `log`, `ruby`, …: no commands at all.
    case other

    /// Names under which GitHub and common highlighters render shell and console sessions.
    static let shellNames: Set<String> = [
        "sh", "shell", "bash", "zsh", "ksh", "fish", "console", "terminal", "shell-session", "shellsession",
        "sh-session", "bash-session", "shellscript", "shell-script",
    ]

    /// Labels that name no language, only that the block holds commands: read like an
    /// unlabelled block (`cmd` in runbooks written on any OS holds `ssh`, `psql`).
    /// `none` and `nohighlight` stay another language: they mark output far more often.
    static let unclaimedNames: Set<String> = ["cmd", "command", "commands", "cli"]

    /// `info` is the fence's info string, nil for an indented block. Only its first word
    /// names the language (`bash title="x"`, `{.sh}`).
    init(info: String?) {
        guard let info else {
            self = .unlabelled
            return
        }
        // On bytes: info strings are ASCII words, and this runs for every code block.
        let word = info.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: ".") }
            .prefix { $0 >= 0x80 || ShellSyntax.isLetter($0) || ShellSyntax.isDigit($0) || "-_+".utf8.contains($0) }
        let name = String(decoding: word, as: UTF8.self).lowercased()
        if word.isEmpty || Self.unclaimedNames.contains(name) {
            self = .unlabelled
        } else {
            self = Self.shellNames.contains(name) ? .shell : .other
        }
    }
}
