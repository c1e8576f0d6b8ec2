@testable import RunbookKit
import Testing

/// The first command word of a shell line, past assignments, placeholders and wrappers.
@Suite struct ShellToolsTests {
    let tools = ShellTools(known: ShellTools.defaultKnownTools)

    @Test(arguments: [
        ("sudo -u ops systemctl restart app", "systemctl"),
        ("NODE=<instance label from alert> kubectl drain $NODE", "kubectl"),
        ("timeout 30 curl -s https://x.example", "curl"),
        ("env -u HOME FOO=1 ./run.sh", "./run.sh"),
        ("xargs -I {} kubectl delete pod {}", "kubectl"),
        ("!git status", "git"),
        ("(cd /tmp && make)", nil),
        ("sudo", nil),
        ("env", "env"),
        ("time", nil),
        ("echo hi", nil),
        ("$VAR run", nil),
        ("é-tool --flag", "é-tool"),
        ("x١ run", "x١"),
        ("LANG=ü_Ü.UTF-8 ümlaut", "ümlaut"),
        ("3d-tool", nil),
        ("", nil),
    ] as [(String, String?)])
    func firstCommandWord(_ line: String, _ expected: String?) {
        #expect(tools.firstCommandWord(Substring(line)) == expected)
    }
}
