import RunbookKit

/// Checks runbooks against the permission contract: every declared scope must be held
/// by every member of the rotation that executes the step (any of them may be paged).
/// Pure: access questions go to an `AccessOracle`, so live providers and the file
/// directory are checked by the same rules.
public struct Linter: Sendable {
    public var directory: Directory
    public var access: any AccessOracle
    public var strict: Bool

    public init(directory: Directory, access: (any AccessOracle)? = nil, strict: Bool = false) {
        self.directory = directory
        self.access = access ?? directory
        self.strict = strict
    }

    /// Findings for one runbook, in source order.
    public func lint(_ runbook: Runbook) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: LintRule, _ location: SourceLocation, _ message: String, step: Int? = nil, severity: Severity? = nil,
                 subject: String? = nil) {
            let title = step.flatMap { index in runbook.steps.first { $0.index == index }?.title }
            var finding = Finding(rule: rule, severity: severity, location: location, message: message, runbookId: runbook.id,
                                  step: step, stepTitle: title, subject: subject)
            if strict && finding.severity == .warning { finding.severity = .error }
            findings.append(finding)
        }

        if let rotation = runbook.rotation, access.members(ofRotation: rotation) == nil {
            add(.unknownRotation, runbook.rotationLocation ?? runbook.location,
                "runbook '\(runbook.id)' names rotation '\(rotation)', which the directory does not know (known: \(knownRotations))",
                subject: rotation)
        }

        if runbook.steps.isEmpty {
            add(.noSteps, runbook.location, "runbook '\(runbook.id)' has no steps, so a drill or dry-run of it would pass with nothing checked (hint: write its steps as a numbered list or as H3 headings under an H2)")
        }

        for step in runbook.steps {
            let label = "step \(step.index) \"\(Self.shortTitle(step.title))\""
            if step.isAction && !step.scopesDeclared {
                add(.undeclaredScope, step.location,
                    "\(label) uses \(actionEvidence(step)) but declares no scopes; add `<!-- coldread scopes: [...] -->` (or `scopes: []` if it needs none)",
                    step: step.index)
            }

            var executing = step.rotation ?? runbook.rotation
            if let stepRotation = step.rotation, access.members(ofRotation: stepRotation) == nil {
                add(.unknownRotation, step.rotationLocation ?? step.location,
                    "\(label) names rotation '\(stepRotation)', which the directory does not know (known: \(knownRotations))", step: step.index,
                    subject: stepRotation)
                executing = nil
            }
            let members = executing.flatMap { access.members(ofRotation: $0) }

            let breakGlassHeld: Bool = {
                guard let scope = step.breakGlass?.scope?.name, let members, !members.isEmpty else { return false }
                return access.isKnownScope(scope) && lacking(scope, members).isEmpty
            }()

            var everyScopeHeld = true
            for scope in step.scopes {
                guard access.isKnownScope(scope.name) else {
                    add(.unknownScope, scope.location,
                        "\(label) declares scope '\(scope.name)', which no grant in \(directory.path) covers (hint: check its spelling or add it under grants:)",
                        step: step.index, subject: scope.name)
                    everyScopeHeld = false
                    continue
                }
                guard let executing else {
                    if runbook.rotation == nil && step.rotation == nil {
                        add(.unknownRotation, scope.location,
                            "\(label) declares scope '\(scope.name)' but the runbook names no rotation to hold it (hint: add `rotation:` to the front matter)",
                            step: step.index, subject: scope.name)
                    }
                    everyScopeHeld = false
                    continue
                }
                guard let members else { everyScopeHeld = false; continue }
                let missing = lacking(scope.name, members)
                if missing.isEmpty { continue }
                everyScopeHeld = false
                if breakGlassHeld { continue }
                add(.scopeNotHeld, scope.location,
                    "\(label) needs '\(scope.name)', which rotation '\(executing)' does not hold: \(describe(missing)); grant it to the rotation, rewrite the step around a break-glass path, or name another rotation",
                    step: step.index, subject: scope.name)
            }

            if let breakGlass = step.breakGlass, let scope = breakGlass.scope {
                if !access.isKnownScope(scope.name) {
                    add(.unknownScope, scope.location,
                        "\(label) has break-glass scope '\(scope.name)', which no grant in \(directory.path) covers", step: step.index,
                        subject: scope.name)
                } else if let executing, let members, !breakGlassHeld {
                    let missing = lacking(scope.name, members)
                    add(.breakGlassNotHeld, scope.location,
                        "\(label) has a break-glass path whose scope '\(scope.name)' rotation '\(executing)' does not hold: \(describe(missing))",
                        step: step.index, severity: everyScopeHeld ? .warning : nil, subject: scope.name)
                }
            }

            for link in step.links + (step.breakGlass?.url.map { [Link(title: "break-glass", url: $0, location: step.breakGlass!.location)] } ?? []) {
                guard !directory.federationCentral.isEmpty, let host = link.host, !directory.isCentral(host: host) else { continue }
                if let bgURL = step.breakGlass?.url, link.url == bgURL { continue }
                add(.nonFederatedLink, link.location,
                    "\(label) links to \(host), outside central observability (\(directory.federationCentral.joined(separator: ", "))); federate it into the central stack so the reader needs no extra login",
                    step: step.index, subject: link.url)
            }

            if !step.restores.isEmpty, !runbook.bundle.isEmpty {
                let missing = runbook.bundle.filter { !step.restores.contains($0) }
                if !missing.isEmpty {
                    add(.partialRollback, step.restoresLocation ?? step.location,
                        "\(label) restores \(step.restores.joined(separator: ", ")) but not \(missing.joined(separator: ", ")) of the bundle; restoring half the bundle leaves the agent in a configuration no one tested",
                        step: step.index, subject: missing.joined(separator: ","))
                }
            }
        }
        return findings
    }

    /// Findings about the directory itself (members nobody knows), for the rotations the
    /// runbooks use. Reported once per run, at their place in coldread.yaml.
    public func lintDirectory(usedRotations: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        for name in usedRotations.sorted() {
            guard let rotation = directory.rotations[name] else { continue }
            for member in rotation.members where !access.isKnownMember(member) {
                findings.append(Finding(rule: .unknownMember, location: rotation.location,
                                        message: "rotation '\(name)' lists '\(member)', who is not in the directory's members",
                                        subject: "rotation \(name): \(member)"))
            }
        }
        for grant in directory.grants.values.sorted(by: { $0.location.line < $1.location.line }) {
            for holder in grant.holders where directory.groups[holder] == nil && !access.isKnownMember(holder) {
                findings.append(Finding(rule: .unknownMember, location: grant.location,
                                        message: "grant '\(grant.pattern)' names '\(holder)', which is neither a group nor a known member",
                                        subject: "grant \(grant.pattern): \(holder)"))
            }
        }
        return findings.map { f in
            var f = f
            if strict && f.severity == .warning { f.severity = .error }
            return f
        }
    }

    /// A step title cut at a word boundary, so messages stay one readable line.
    static func shortTitle(_ title: String, limit: Int = 48) -> String {
        guard title.count > limit else { return title }
        let cut = title.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word.trimmingWhitespace() + "…"
    }

    private var knownRotations: String {
        let names = directory.rotations.keys.sorted()
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// Members for whom the scope is not positively held, with why for unknown answers.
    private func lacking(_ scope: String, _ members: [String]) -> [(String, String?)] {
        members.compactMap { member in
            switch access.answer(member: member, scope: scope) {
            case .held: return nil
            case .notHeld: return (member, nil)
            case .unknown(let reason): return (member, reason)
            }
        }
    }

    private func describe(_ missing: [(String, String?)]) -> String {
        let parts = missing.map { m in m.1.map { "\(m.0) (unknown: \($0))" } ?? m.0 }
        return (missing.count == 1 ? "" : "\(missing.count) members lack it: ") + parts.joined(separator: ", ") + (missing.count == 1 ? " lacks it" : "")
    }

    private func actionEvidence(_ step: Step) -> String {
        if let tool = step.tools.first { return "`\(tool.name)`" }
        if !step.probes.isEmpty { return "a command probe" }
        if !step.restores.isEmpty { return "a rollback" }
        return "a break-glass path"
    }
}
