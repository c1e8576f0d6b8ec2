import RunbookKit
import Testing

/// A block labelled as another language that holds nothing but shell commands was
/// mislabelled: the reader still runs them. Text, output and the language itself stay
/// what they say they are.
@Suite struct MislabelledBlockTests {
    /// The tools of the runbook's only action section, in reading order.
    func tools(_ body: String) throws -> [String] {
        let runbook = try RunbookLoader.parse("# Replica lag\n\n## Fix\n\n" + body, file: "rb.md")
        return runbook.steps.flatMap { $0.tools.map(\.name) }
    }

    @Test("commands under a language's label are still commands", arguments: [
        ("```yaml\nkubectl -n <namespace> exec -it db-0 -- bash\n```", ["kubectl"]),
        ("```java\n# on the leader\ncurl -s localhost:8080/health | jq .status\n```", ["curl", "jq"]),
        ("```hcl\nterraform plan -out plan.tfplan\nterraform apply plan.tfplan\n```", ["terraform"]),
    ] as [(String, [String])])
    func mislabelledCommands(_ block: String, _ expected: [String]) throws {
        #expect(try tools(block) == expected)
    }

    @Test("the language itself, settings and printed text hold no commands", arguments: [
        "```yaml\nexport NS=<namespace>\nexample-  export NS=prod-1\n```",
        "```ini\n[Service]\nExecStart=/usr/bin/app --port 80\n```",
        "```ini\nExecStart=/usr/bin/unbuffer /opt/app/run.py\n```",
        "```python\nimport os\n```",
        "```yaml\n# kubectl apply -f this file\nkind: Deployment\n```",
        "```yaml\n$ kubectl get pods\nNAME    READY\n```",
        "```output\nkubectl get pods --watch\n```",
        "```none\ncurl -s localhost:8080/health\n```",
    ])
    func notCommands(_ block: String) throws {
        #expect(try tools(block) == [])
    }
}
