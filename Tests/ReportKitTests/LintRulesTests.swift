import ReportKit
import RunbookKit
import Testing

/// One test per lint rule: it fires when the contract is broken and stays quiet when it holds.
@Suite struct LintRulesTests {
    static let directory = try! DirectoryLoader.parse("""
        rotations:
          sre: {members: [ana, ben]}
          ai-oncall: {members: [dmitri]}
          ghosts: {members: [ana, zed]}
        members: {ana: {}, ben: {}, dmitri: {}}
        groups: {sre: [ana, ben], ai: [dmitri]}
        grants:
          "traces:read": [ai]
          "grafana:read": [sre, ai]
          "bg:rollback": [sre]
          "bg:ai-only": [ai]
          "deploy:rollback": [ai]
          "odd:scope": [nobody-at-all]
        federation: {central: [grafana.corp.example]}
        """, file: "coldread.yaml")

    func findings(_ markdown: String, strict: Bool = false) throws -> [Finding] {
        let runbook = try RunbookLoader.parse(markdown, file: "rb.md")
        return Linter(directory: Self.directory, strict: strict).lint(runbook)
    }

    func rules(_ markdown: String, strict: Bool = false) throws -> [String] {
        try findings(markdown, strict: strict).map(\.rule.rawValue)
    }

    func runbook(rotation: String = "sre", bundle: String = "", _ steps: String) -> String {
        "---\nrotation: \(rotation)\n\(bundle)---\n# T\n## Steps\n" + steps
    }

    @Test func undeclaredScopeIsAWarningAndAnErrorUnderStrict() throws {
        let md = runbook("1. Restart it:\n\n   ```sh\n   kubectl rollout restart deploy/x\n   ```\n")
        let plain = try findings(md)
        #expect(plain.map(\.rule) == [.undeclaredScope])
        #expect(plain.first?.severity == .warning)
        #expect(try findings(md, strict: true).first?.severity == .error)
        #expect(try rules(runbook("1. Restart `kubectl` <!-- coldread scopes: [] -->\n")).isEmpty)
        #expect(try rules(runbook("1. Just read the dashboard notes.\n")).isEmpty)
    }

    @Test(arguments: [("", 1), ("# Only a title\n", 1), ("---\nrotation: sre\n---\n# T\n## Meaning\nContext only.\n", 4)])
    func aRunbookWithNoStepsIsAnErrorAtItsTitle(_ markdown: String, _ line: Int) throws {
        let f = try findings(markdown)
        #expect(f.map(\.rule) == [.noSteps])
        #expect(f.first?.severity == .error)
        #expect(f.first?.location.line == line)
    }

    /// Steps written under headings read as briefing: the hint names those headings and
    /// the setting, instead of asking for steps under an H2 the author already wrote.
    @Test func noStepsUnderBriefingHeadingsSaysWhichHeadingsAreBriefing() throws {
        let briefingOnly = try findings("# T\n## Overview\n### Check the pods\n\n```sh\nkubectl get pods\n```\n")
        #expect(briefingOnly.map(\.rule) == [.noSteps])
        #expect(briefingOnly.first?.message.contains("(hint: every section is read as briefing ('Overview'); put the steps under an H2 with another name, or set context_sections in coldread.yaml to the headings that are briefing)") == true,
                "\(briefingOnly.first?.message ?? "")")
        let titleOnly = try findings("# Only a title\n")
        #expect(titleOnly.first?.message.hasSuffix("(hint: write its steps as a numbered list or as H3 headings under an H2)") == true)
    }

    @Test func scopeNotHeldNamesTheMembersWhoLackIt() throws {
        let f = try findings(runbook("1. Read traces. <!-- coldread scopes: [traces:read] -->\n"))
        #expect(f.map(\.rule) == [.scopeNotHeld])
        #expect(f[0].message.contains("ana, ben"))
        #expect(f[0].location.line == 6)
        #expect(try rules(runbook("1. Read dash. <!-- coldread scopes: [grafana:read] -->\n")).isEmpty)
    }

    @Test func aHeldBreakGlassOrAnotherRotationSatisfiesTheContract() throws {
        #expect(try rules(runbook("1. Roll back. <!-- coldread {scopes: [deploy:rollback], break_glass: {scope: bg:rollback}} -->\n")).isEmpty)
        #expect(try rules(runbook("1. Read traces. <!-- coldread {scopes: [traces:read], rotation: ai-oncall} -->\n")).isEmpty)
    }

    @Test func breakGlassNotHeld() throws {
        let f = try findings(runbook("1. Roll back. <!-- coldread {scopes: [deploy:rollback], break_glass: {scope: bg:ai-only}} -->\n"))
        #expect(f.map(\.rule) == [.scopeNotHeld, .breakGlassNotHeld])
        #expect(f.allSatisfy { $0.severity == .error })
        let heldAnyway = try findings(runbook("1. Look. <!-- coldread {scopes: [grafana:read], break_glass: {scope: bg:ai-only}} -->\n"))
        #expect(heldAnyway.map(\.rule) == [.breakGlassNotHeld])
        #expect(heldAnyway.first?.severity == .warning)
    }

    @Test func unknownScope() throws {
        let f = try findings(runbook("1. Do. <!-- coldread scopes: [trace:read] -->\n"))
        #expect(f.map(\.rule) == [.unknownScope])
        #expect(f[0].message.contains("'trace:read'"))
    }

    @Test func unknownRotationForTheRunbookAndForAStep() throws {
        #expect(try rules(runbook(rotation: "sre-primary", "1. Do. <!-- coldread scopes: [grafana:read] -->\n")).contains("unknown-rotation"))
        #expect(try rules(runbook("1. Do. <!-- coldread {scopes: [grafana:read], rotation: nightwatch} -->\n")) == ["unknown-rotation"])
        #expect(try rules("# T\n## S\n1. Do. <!-- coldread scopes: [grafana:read] -->\n") == ["unknown-rotation"])
    }

    @Test func unknownMemberInARotationOrAGrant() {
        let found = Linter(directory: Self.directory).lintDirectory(usedRotations: ["ghosts"])
        #expect(found.map(\.rule) == [.unknownMember, .unknownMember])
        #expect(found[0].message.contains("'zed'"))
        #expect(found[1].message.contains("'nobody-at-all'"))
        #expect(found[0].location.file == "coldread.yaml")
        let quiet = Linter(directory: Self.directory).lintDirectory(usedRotations: ["sre"])
        #expect(quiet.map(\.message).allSatisfy { !$0.contains("rotation") })
    }

    @Test func nonFederatedLink() throws {
        let f = try findings(runbook("1. Open [traces](https://traces.ai.corp.example/x). <!-- coldread scopes: [] -->\n"))
        #expect(f.map(\.rule) == [.nonFederatedLink])
        #expect(f[0].message.contains("traces.ai.corp.example"))
        #expect(try rules(runbook("1. Open [dash](https://grafana.corp.example/d). <!-- coldread scopes: [] -->\n")).isEmpty)
    }

    @Test func partialRollback() throws {
        let bundle = "bundle: [prompt, tools, policy]\n"
        let f = try findings(runbook(bundle: bundle, "1. Roll back. <!-- coldread {scopes: [grafana:read], restores: [prompt]} -->\n"))
        #expect(f.map(\.rule) == [.partialRollback])
        #expect(f[0].message.contains("tools, policy"))
        #expect(try rules(runbook(bundle: bundle, "1. Roll back. <!-- coldread {scopes: [grafana:read], restores: [prompt, tools, policy]} -->\n")).isEmpty)
    }

    @Test func loadErrorsBecomeFindingsInEveryFormat() throws {
        let finding = Finding(rule: .loadError, location: SourceLocation(file: "bad.md", line: 3, column: 2), message: "expected valid YAML, found x")
        #expect(FindingFormat.text.render([finding], filesChecked: 1, toolVersion: "t").hasPrefix("bad.md:3:2: error: expected valid YAML, found x [load-error]"))
        #expect(FindingFormat.github.render([finding], filesChecked: 1, toolVersion: "t") == "::error file=bad.md,line=3,col=2,title=coldread load-error::expected valid YAML, found x")
    }
}

/// A dry-run step is blocked by what would stop the reader, and not by a scope the
/// rotation may bypass through a break-glass path it holds.
@Suite struct DryRunBlockingTests {
    func step(_ results: [ProbeResult]) -> RunbookDryRun.StepOutcome {
        RunbookDryRun.StepOutcome(index: 1, title: "Roll back", location: SourceLocation(file: "rb.md", line: 3), results: results)
    }

    @Test func aHeldBreakGlassScopeUnblocksTheStep() {
        let notHeld = ProbeResult(kind: .scope, step: 1, outcome: .notHeld, scope: "deploy:rollback", missingMembers: ["ana"])
        let breakGlass = ProbeResult(kind: .scope, step: 1, outcome: .held, scope: "bg:rollback", breakGlass: true)
        #expect(step([notHeld, breakGlass]).isBlocked == false)
        #expect(step([notHeld]).blocking == [notHeld])
        let deadLink = ProbeResult(kind: .link, step: 1, outcome: .notFound, url: "https://x.example/")
        #expect(step([notHeld, breakGlass, deadLink]).blocking == [deadLink])
    }
}
