import RunbookKit
import Testing

/// Shell written as a script file or with placeholders the reader fills in: what the
/// reader must have installed, read from short blocks of our own.
@Suite struct ShellScriptReadingTests {
    /// The tools of the runbook's only action section, in reading order.
    func tools(_ body: String) throws -> [String] {
        let runbook = try RunbookLoader.parse("# Logs full\n\n## Fix\n\n" + body, file: "rb.md")
        return runbook.steps.flatMap { $0.tools.map(\.name) }
    }

    @Test func aScriptFilesHashLinesAreCommentsNotRootPrompts() throws {
        let script = "```bash\n#!/bin/sh\n#\n# /usr/local/sbin/rotate-app-logs.sh\n#\nlogrotate -f /etc/logrotate.d/app\n```"
        #expect(try tools(script) == ["logrotate"])
        let console = "```\n# /usr/local/sbin/rotate-app-logs.sh --dry-run\n```"
        #expect(try tools(console) == ["/usr/local/sbin/rotate-app-logs.sh"])
    }

    @Test func aVariableSetToAPlaceholderIsNotAConsolePrompt() throws {
        let oneLine = "```bash\nREGION=<region> python3 tools/drain.py --dry-run\n```"
        #expect(try tools(oneLine) == ["python3"])
        let continued = "```bash\nREGION=<region> TEAM=<team> \\\n    gcloud compute instances list\n```"
        #expect(try tools(continued) == ["gcloud"])
        let repl = "```\npostgres=# select 1;\nmysql> show tables;\n```"
        #expect(try tools(repl) == [])
    }

    @Test func aScriptUnderAVariablesFolderIsATool() throws {
        let block = "```bash\nSOURCE=app.key \\\nTARGET=app.pem \\\n$OPS_BIN/seal-key.sh\n$KUBECTL get pods\n$STATE_DIR/\n```"
        #expect(try tools(block) == ["$OPS_BIN/seal-key.sh"])
    }

    @Test func aScriptUnderTheHomeFolderIsATool() throws {
        let block = "```bash\n~/bin/rotate-keys --all\ncd ~/work\n```"
        #expect(try tools(block) == ["~/bin/rotate-keys"])
    }
}
