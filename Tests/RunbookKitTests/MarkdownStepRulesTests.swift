import RunbookKit
import Testing

/// The step rules of DESIGN.md, each shown on a small runbook.
@Suite struct MarkdownStepRulesTests {
    func load(_ markdown: String, tools: [String] = []) throws -> Runbook {
        try RunbookLoader.parse(markdown, file: "rb.md", options: LoaderOptions(extraTools: tools))
    }

    @Test func contextSectionsFormTheBriefingAndListItemsAreSteps() throws {
        let rb = try load("""
            # Title

            ## Meaning
            Why it fires.

            ## Symptoms
            Slow pages.

            ## Steps
            1. First thing.
            2. Second thing.
               - nested detail, not a step
            """)
        #expect(rb.title == "Title")
        #expect(rb.briefing.map(\.heading) == ["Meaning", "Symptoms"])
        #expect(rb.steps.map(\.title) == ["First thing.", "Second thing."])
        #expect(rb.steps.map(\.location.line) == [10, 11])
        #expect(rb.steps[1].section == "Steps")
    }

    @Test func headingAttributesAreNotPartOfWhatTheReaderSees() throws {
        let rb = try load("""
            # Disk full {#disk-full}

            ## Overview {#overview}
            - the volume is at 100%
            - writes fail

            ## Fix {: .steps }
            ### Find the biggest files {#find}
            Look under /var.
            ### Use {} as the empty default
            Nothing to do.
            """)
        #expect(rb.title == "Disk full")
        #expect(rb.briefing.map(\.heading) == ["Overview"])
        #expect(rb.steps.map(\.title) == ["Find the biggest files", "Use {} as the empty default"])
        #expect(rb.steps.map(\.section) == ["Fix", "Fix"])
    }

    @Test func h3sAreStepsWhenThereIsNoList() throws {
        let rb = try load("""
            # T
            ## Mitigation
            Intro text.
            ### Restart the pod
            Do it.
            ### Scale up
            More.
            """)
        #expect(rb.steps.map(\.title) == ["Restart the pod", "Scale up"])
        #expect(rb.steps[0].body.contains("Intro text."))
    }

    @Test func aSectionWithoutListsOrH3sIsOneStep() throws {
        let rb = try load("# T\n\n## Diagnosis\n\nLook at the graphs.\n\nThen think.\n\n## Mitigation\n\nRestart.\n")
        #expect(rb.steps.map(\.title) == ["Diagnosis", "Mitigation"])
        #expect(rb.steps[0].body == "Look at the graphs.\n\nThen think.")
    }

    @Test func anIntroductionThatGivesCommandsIsAStep() throws {
        let rb = try load("""
            # Restart the workers

            Restart them one at a time, this way:

            ```bash
            $ pgrep -f worker | while read i; do sudo kill $i; sleep 5; done
            ```

            ## Staging

            Check the [dashboard](https://grafana.corp.example/d/workers).
            """)
        #expect(rb.steps.map(\.title) == ["Restart the workers", "Staging"])
        #expect(rb.steps[0].tools.map(\.name) == ["pgrep", "kill", "sleep"])
        #expect(rb.briefing.isEmpty)
        // An introduction that shows only config or prose stays the briefing.
        let read = try load("# T\n\nThe pool is set like this:\n\n```yaml\npool: 20\n```\n\n## Fix\n\nRestart.\n")
        #expect(read.briefing.count == 1)
        #expect(read.steps.map(\.title) == ["Fix"])
    }

    @Test func configuredContextSectionsAreHonoured() throws {
        let rb = try RunbookLoader.parse("# T\n## Notes\nx\n## Fix\ny\n", file: "rb.md",
                                         options: LoaderOptions(contextSections: ["notes"]))
        #expect(rb.briefing.map(\.heading) == ["Notes"])
        #expect(rb.steps.map(\.title) == ["Fix"])
    }

    @Test func linksOfEveryKind() throws {
        let rb = try load("""
            # T
            ## Do
            1. Inline [dash](https://grafana.example/d/1), reference [logs][l], autolink <https://a.example/x>,
               and a bare URL https://bare.example/path here.

            [l]: https://logs.example/search
            """)
        let urls = rb.steps[0].links.map(\.url)
        #expect(urls == ["https://grafana.example/d/1", "https://logs.example/search", "https://a.example/x", "https://bare.example/path"])
        #expect(rb.steps[0].links.allSatisfy { $0.location.line >= 3 })
        #expect(rb.steps[0].links[0].host == "grafana.example")
    }

    @Test func toolsFromShellBlocksAndInlineCode() throws {
        let rb = try load("""
            # T
            ## Fix
            Run `kubectl get pods`, then check the `mountpoint` label and `promptctl status`.

            ```console
            $ sudo -u ops systemctl restart app
            some output line
            # journalctl -u app
            ```

            ```bash
            # a comment
            FOO=bar helm upgrade app ./chart \\
              --set x=1
            export X=1
            cat <<EOF > /tmp/f
            notatool here
            EOF
            ```

            ```promql
            rate(x[5m])
            ```
            """, tools: ["promptctl"])
        #expect(rb.steps[0].tools.map(\.name) == ["kubectl", "promptctl", "systemctl", "journalctl", "helm", "cat"])
        let helm = try #require(rb.steps[0].tools.first { $0.name == "helm" })
        #expect(helm.location.line == 13)
    }

    @Test func annotationsDeclareTheStepContract() throws {
        let rb = try load("""
            ---
            owner: ai-platform
            rotation: sre-primary
            bundle: [prompt, tools]
            weight: 20
            ---
            # Agent
            <!-- coldread
            budget: 30m
            -->

            ## Steps
            1. Roll back.
               <!-- coldread
               scopes: [prompt-registry:rollback]
               break_glass: {scope: break-glass:prompt-rollback, url: https://deploy.example/bg}
               restores: [prompt]
               probes: ["kubectl auth can-i patch deployment/x -n prod", [/bin/true]]
               rotation: ai-oncall
               -->
            2. Read only. <!-- coldread scopes: [] -->
            """)
        #expect(rb.owner == "ai-platform")
        #expect(rb.rotation == "sre-primary")
        #expect(rb.bundle == ["prompt", "tools"])
        #expect(rb.budgetSeconds == 1800)
        let s = rb.steps[0]
        #expect(s.scopes.map(\.name) == ["prompt-registry:rollback"])
        #expect(s.scopes[0].location.line == 15)
        #expect(s.breakGlass?.scope?.name == "break-glass:prompt-rollback")
        #expect(s.breakGlass?.url == "https://deploy.example/bg")
        #expect(s.restores == ["prompt"])
        #expect(s.probes.map(\.argv) == [["kubectl", "auth", "can-i", "patch", "deployment/x", "-n", "prod"], ["/bin/true"]])
        #expect(s.rotation == "ai-oncall")
        #expect(!s.body.contains("coldread"))
        #expect(rb.steps[1].scopesDeclared && rb.steps[1].scopes.isEmpty)
    }

    /// Without a workspace root the id is the path as given, without its extension.
    @Test func idDefaultsToThePathAndTitleToTheH1() throws {
        let rb = try RunbookLoader.parse("# Disk full\n\n## Fix\nx\n", file: "Runbooks/disk-full.md")
        #expect(rb.id == "Runbooks/disk-full")
        #expect(rb.title == "Disk full")
    }

    @Test func yamlRunbooksSpellTheSameModelOut() throws {
        let rb = try RunbookLoader.parse("""
            id: gen
            title: Generated
            rotation: sre-primary
            budget: 15m
            briefing: Something broke.
            steps:
              - title: Look
                links: [{title: Dash, url: "https://grafana.example/d"}]
                scopes: [grafana:read]
              - title: Fix
                tools: [kubectl]
                probes: ["kubectl version"]
            """, file: "gen.yaml")
        #expect(rb.steps.map(\.title) == ["Look", "Fix"])
        #expect(rb.steps[0].links.first?.url == "https://grafana.example/d")
        #expect(rb.steps[1].tools.map(\.name) == ["kubectl"])
        #expect(rb.steps[1].location.line == 10)
        #expect(rb.budgetSeconds == 900)
    }
}
