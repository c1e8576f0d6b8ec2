/// The commands of one code block, read as a shell user reads a transcript or a script:
/// in a block where some lines carry a prompt, only those lines are commands and the rest
/// is output; elsewhere each line is judged by its shape, output runs on until a blank
/// line (or a line that is plainly a command again), and heredoc bodies are data. An
/// unlabelled block holds commands only when it reads as shell as a whole: it opens with
/// a command, and either has a line no other language writes or has a command with
/// arguments and no YAML, code or `key value` config around it.
struct ShellBlock {
    let lines: [Substring]
    let language: CodeBlockLanguage
    /// Known tool names: a `# kubectl …` line is a root prompt, not a comment, and such
    /// a tool ends a run of output.
    let known: Set<String>
    /// Whether the block holds nothing but `#` lines (`# nfsstat -m`): then they show what
    /// root types, since a block of comments alone would say nothing to run. Worked out
    /// once per block: each `#` line asks it.
    private let holdsOnlyHashLines: Bool

    init(lines: [Substring], language: CodeBlockLanguage, known: Set<String>) {
        (self.lines, self.language, self.known) = (lines, language, known)
        holdsOnlyHashLines = lines.allSatisfy { line in
            let text = line.withoutLeadingBlanks
            return text.isEmpty || text.hasPrefix("#")
        }
    }

    /// The commands of the block, in order.
    func commands() -> [ShellCommandLine] {
        guard language != .other, !lines.isEmpty else { return [] }
        var prompted = lines.map { ShellPrompt.command(in: $0) }
        // A prompt of the author's own (`BOSH (dev04) $ `), alone or in a session opened
        // from a known one, marks commands too.
        if let own = ShellPrompt.repeated(in: lines) {
            prompted = zip(prompted, lines).map { known, line in known ?? own.command(in: line) }
        }
        if prompted.contains(where: { $0 != nil }) { return transcriptCommands(prompted) }
        let (commands, shapes) = scriptCommands()
        if language == .unlabelled && !readsAsShell(commands, shapes) { return [] }
        return commands
    }

    /// A console transcript: the prompted lines (and `# tool` root prompts), each with
    /// the lines it continues onto; everything else is output.
    private func transcriptCommands(_ prompted: [Substring?]) -> [ShellCommandLine] {
        var out: [ShellCommandLine] = []
        var index = 0
        while index < lines.count {
            // A prompt-like start of output (curl's `% Total`) is not followed by a command.
            guard let text = prompted[index] ?? rootPromptCommand(lines[index]),
                  text.isEmpty || ShellLineShape.opensCommand(text.firstBlankDelimitedWord)
                    || ShellLineShape.of(text) == .command else {
                index += 1
                continue
            }
            let (command, next) = ShellCommandLine.read(text, at: index, in: lines, afterPrompts: true)
            out.append(command)
            index = skipHeredocs(command, from: next)
        }
        return out
    }

    /// A script, or commands with their output pasted under them, and each line's shape.
    private func scriptCommands() -> ([ShellCommandLine], [ShellLineShape]) {
        var out: [ShellCommandLine] = []
        var shapes: [ShellLineShape] = []
        var inOutput = false
        var index = 0
        while index < lines.count {
            var shape = ShellLineShape.of(lines[index])
            var text = lines[index]
            if shape == .command, index + 1 < lines.count, ShellLineShape.isHeader(text, of: lines[index + 1]) { shape = .text }
            if shape == .command, ShellLineShape.isConsoleStatement(text), !known.contains(String(text.firstBlankDelimitedWord)) {
                shape = .code  // `show databases;` in pgbouncer's console: not shell
            }
            if shape == .command, let above = shapes.last, above != .blank, above != .comment,
               ShellLineShape.isLoneName(text) || (printedAnswer(text, under: out.last) && isLastLine(index)) {
                shape = .text  // `prod-eu-1` under `kubectl config current-context`: what it printed
            }
            if shape == .comment, let root = rootPromptCommand(lines[index]) {
                shape = .command
                text = root
            }
            shapes.append(shape)
            guard shape == .command else {
                inOutput = (inOutput || shape == .text || shape == .code || shape == .field) && shape != .blank
                index += 1
                continue
            }
            let (command, next) = ShellCommandLine.read(text, at: index, in: lines, afterPrompts: false)
            guard command.syntax.isShell else {
                shapes[shapes.count - 1] = .text
                inOutput = true
                index = next
                continue
            }
            if !inOutput || endsOutput(command) {
                out.append(command)
                inOutput = false
            }
            index = skipHeredocs(command, from: next)
        }
        return (out, shapes)
    }

    /// Whether only blank lines follow line `index`.
    private func isLastLine(_ index: Int) -> Bool {
        lines[(index + 1)...].allSatisfy { $0.withoutLeadingBlanks.isEmpty }
    }

    /// `ok` under `curl -s …/healthz`, `active` under `systemctl is-active app`: one
    /// lower-case word closing the block right under a program run with arguments is the
    /// answer it printed. (A lone command there, `sync` after `daemon-reload`, is read
    /// as output too: rarer than a printed answer, and a missed tool costs the reader
    /// less than a tool that does not exist.)
    private func printedAnswer(_ line: Substring, under command: ShellCommandLine?) -> Bool {
        let word = line.withoutLeadingBlanks.withoutTrailingBlanks
        guard let command, !word.isEmpty, !word.contains(where: { $0 == " " || $0 == "\t" }),
              word.allSatisfy({ $0.isASCII && $0.isLowercase }),
              let first = command.syntax.commands.first, first.count >= 2, CommandWord.program(of: first) != nil else { return false }
        return true
    }

    /// Whether a command-shaped line under output is a command again: it runs a known
    /// tool, passes an option right after its program (`du -sh`), or pipes or chains
    /// into another program. Output rows have none of these.
    private func endsOutput(_ command: ShellCommandLine) -> Bool {
        guard let first = command.syntax.commands.first, let program = CommandWord.program(of: first) else { return false }
        if known.contains(program.text) || command.programs.count >= 2 { return true }
        guard let index = first.firstIndex(where: { $0.offset == program.offset }), index + 1 < first.count else { return false }
        return first[index + 1].text.hasPrefix("-")
    }

    /// Whether an unlabelled block is shell at all (see the type's note). Beside YAML or
    /// code (`module App`, `import {` over `x = 1` lines) it takes a line that could only
    /// be shell. `Key: value` and `key:` lines right under a command are its output
    /// (`vault status`, `cat values.yaml`), not a YAML document, which opens its block.
    private func readsAsShell(_ commands: [ShellCommandLine], _ shapes: [ShellLineShape]) -> Bool {
        guard let opening = shapes.first(where: { $0 != .blank && $0 != .comment }), opening == .command else { return false }
        if commands.contains(where: isUnmistakable) { return true }
        if holdsCode(shapes) { return false }
        return commands.contains { $0.wordCount >= 2 } && !isKeyValueConfig(commands)
    }

    /// Whether a line is code: `.code` anywhere, or a `key:` entry that is not in a run
    /// of output right under a command.
    private func holdsCode(_ shapes: [ShellLineShape]) -> Bool {
        var underCommand = false
        for shape in shapes {
            switch shape {
            case .code: return true
            case .field where !underCommand: return true
            case .command: underCommand = true
            case .blank, .comment: underCommand = false
            default: break
            }
        }
        return false
    }

    /// A command no other language writes: a known tool, a script run by its path
    /// (`./x.sh`, `bin/setup --all`; a lone `/etc/app.conf` names a file), a wrapper or an
    /// assignment before the program, an option, a pipe or a chain.
    private func isUnmistakable(_ command: ShellCommandLine) -> Bool {
        guard let first = command.syntax.commands.first, let program = CommandWord.program(of: first) else { return false }
        if known.contains(program.text) || command.programs.count >= 2 { return true }
        if program.text.hasPrefix("./") || program.text.hasPrefix("../") || (program.text.contains("/") && first.count >= 2) {
            return true
        }
        return first[0].offset != program.offset || first.contains { $0.text.hasPrefix("-") && $0.text.count > 1 }
    }

    /// `nameserver 127.0.0.1` / `port 53`: every line a key and one value, with nothing a
    /// shell would parse (no option, pipe or expansion). Resolver, ssh and hosts files.
    private func isKeyValueConfig(_ commands: [ShellCommandLine]) -> Bool {
        commands.count >= 2 && commands.allSatisfy { command in
            command.wordCount == 2 && command.syntax.commands.count == 1
                && command.syntax.commands[0].allSatisfy { !$0.text.hasPrefix("-") && !$0.expands }
        }
    }

    /// `# kubectl get pods`: after `# ` a known tool or a path is a root prompt's command,
    /// except in a script file, where every `#` line is a comment.
    private func rootPromptCommand(_ line: Substring) -> Substring? {
        let text = line.withoutLeadingBlanks
        guard text.hasPrefix("# "), !isScriptFile else { return nil }
        let command = text.dropFirst(2).drop { $0 == " " }
        let word = command.prefix { $0 != " " && $0 != "\t" }
        guard known.contains(String(word)) || (word.hasPrefix("./") || word.hasPrefix("/")) && word.count > 2
                || holdsOnlyHashLines && isRootCommand(command, program: word) else { return nil }
        return command
    }

    /// A command as root types it: shell-shaped, passing an option, a path or a pipe, and
    /// run by a program rather than the shell's own words.
    private func isRootCommand(_ command: Substring, program: Substring) -> Bool {
        !CommandWord.builtins.contains(String(program)) && ShellLineShape.of(command) == .command
            && ShellLineShape.passesShellArguments(command)
    }

    /// `#!/bin/bash` first: the block is a script file, not a console, so its `#` lines
    /// are comments (`# /etc/cron.hourly/drop_caches.sh` names the file it is saved as).
    private var isScriptFile: Bool {
        lines.first { !$0.withoutLeadingBlanks.isEmpty }?.withoutLeadingBlanks.hasPrefix("#!") ?? false
    }

    /// The line after the heredoc bodies `command` opens (each ends at its marker line).
    private func skipHeredocs(_ command: ShellCommandLine, from start: Int) -> Int {
        var index = start
        for marker in command.syntax.heredocMarkers {
            while index < lines.count {
                var line = lines[index].withoutLeadingBlanks
                if line.hasPrefix("> ") { line = line.dropFirst(2) }
                index += 1
                if line.trimmingWhitespace() == marker { break }
            }
        }
        return index
    }
}
