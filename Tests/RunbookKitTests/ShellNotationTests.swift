import RunbookKit
import Testing

/// Notation runbook authors write inside shell code that a shell would read otherwise
/// (alternatives to pick from, a report's fields under the command that printed them):
/// what the reader of the rendered page takes it to mean decides the tools.
@Suite struct ShellNotationTests {
    /// The tools of the runbook's only action section, in reading order.
    func tools(_ body: String) throws -> [String] {
        let runbook = try RunbookLoader.parse("# Queue stuck\n\n## Fix\n\n" + body, file: "rb.md")
        return runbook.steps.flatMap { $0.tools.map(\.name) }
    }

    @Test func alternativesToPickFromAreOneWord() throws {
        #expect(try tools("```sh\nsystemctl <start|stop|reload> queue-worker\n```") == ["systemctl"])
        #expect(try tools("```sh\nsudo /opt/queue/bin/drain-[fast|safe|full].sh --dry-run && systemctl restart queue-worker\n```")
                == ["systemctl"])
        #expect(try tools("```sh\nkubectl scale deploy/worker-{blue|green|canary} --replicas=0\n```") == ["kubectl"])
    }

    @Test func fieldsNamedInSeveralWordsAreOutput() throws {
        let block = "```shell\nvault-backup status\n\n  last backup: 2031-04-02 03:00\n"
            + "    archive size: 2.1GB, upload size: 1.9GB\n    check start/stop: 03:00 / 03:04\n```"
        #expect(try tools(block) == ["vault-backup"])
    }

    @Test("pipes without blanks and words ending in a colon stay shell", arguments: [
        ("```sh\nps aux|grep queue-worker\n```", ["ps", "grep"]),
        ("```sh\nsort <jobs.txt|uniq -c >counts.txt\n```", ["sort", "uniq"]),
        ("```sh\njq '.items[]|.name' jobs.json\n```", ["jq"]),
        ("```sh\nscp backup@db-2:/var/dumps/latest.sql .\n```", ["scp"]),
        ("```sh\ngrep -rn TODO: src/\n```", ["grep"]),
        ("```sh\nlogger \"queue drained: 12 jobs\"\n```", ["logger"]),
    ])
    func shellStaysShell(_ block: String, _ expected: [String]) throws {
        #expect(try tools(block) == expected)
    }
}
