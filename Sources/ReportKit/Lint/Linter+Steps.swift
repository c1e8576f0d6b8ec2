import RunbookKit

/// Collects one runbook's findings, raising warnings to errors under `--strict`.
struct FindingSink {
    let runbookId: String
    let strict: Bool
    /// Step titles by index: a finding carries its step's title, so a SARIF fingerprint
    /// survives the step moving.
    let stepTitles: [Int: String]
    private(set) var findings: [Finding] = []

    init(runbook: Runbook, strict: Bool) {
        runbookId = runbook.id
        self.strict = strict
        stepTitles = Dictionary(runbook.steps.map { ($0.index, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// `subject` is what the finding is about (a scope, a URL, a rotation): with the rule,
    /// runbook and step title it names the finding across commits.
    mutating func add(_ rule: LintRule, _ location: SourceLocation, _ message: String, step: Int? = nil, severity: Severity? = nil,
                      subject: String? = nil) {
        var finding = Finding(rule: rule, severity: severity, location: location, message: message, runbookId: runbookId, step: step,
                              stepTitle: step.flatMap { stepTitles[$0] }, subject: subject)
        if strict && finding.severity == .warning { finding.severity = .error }
        findings.append(finding)
    }
}

/// Who executes one step, as the lint sees it: the rotation's name (nil when none is
/// known) and its members (nil when the access sources cannot list them).
struct StepExecutors {
    var rotation: String?
    var members: [String]?
}

/// The rules that look at one step: its scopes, break-glass path, links and rollback.
extension Linter {
    func lintStep(_ step: Step, of runbook: Runbook, breakGlass: BreakGlassEndpoints, into sink: inout FindingSink) {
        let label = "step \(step.index) \"\(Self.shortTitle(step.title))\""
        if step.isAction && !step.scopesDeclared {
            sink.add(.undeclaredScope, step.location,
                     "\(label) uses \(actionEvidence(step)) but declares no scopes; add `<!-- coldread scopes: [...] -->` (or `scopes: []` if it needs none)",
                     step: step.index)
        }
        let executors = stepExecutors(step, of: runbook, label: label, into: &sink)
        let breakGlassHeld = isBreakGlassHeld(step, by: executors)
        let everyScopeHeld = lintScopes(step, of: runbook, label: label, executors: executors, breakGlassHeld: breakGlassHeld, into: &sink)
        lintBreakGlass(step, label: label, executors: executors, breakGlassHeld: breakGlassHeld, everyScopeHeld: everyScopeHeld, into: &sink)
        lintLinks(step, breakGlass: breakGlass, label: label, into: &sink)
        lintRollback(step, of: runbook, label: label, into: &sink)
    }

    private func stepExecutors(_ step: Step, of runbook: Runbook, label: String, into sink: inout FindingSink) -> StepExecutors {
        var executing = step.rotation ?? runbook.rotation
        if let stepRotation = step.rotation, access.members(ofRotation: stepRotation) == nil {
            sink.add(.unknownRotation, step.rotationLocation ?? step.location,
                     "\(label) names rotation '\(stepRotation)', which the directory does not know (known: \(knownRotations))", step: step.index,
                     subject: stepRotation)
            executing = nil
        }
        return StepExecutors(rotation: executing, members: executing.flatMap { access.members(ofRotation: $0) })
    }

    private func isBreakGlassHeld(_ step: Step, by executors: StepExecutors) -> Bool {
        guard let scope = step.breakGlass?.scope?.name, let members = executors.members, !members.isEmpty else { return false }
        return access.isKnownScope(scope) && lacking(scope, members).isEmpty
    }

    /// Findings for the step's declared scopes; true when every one is held.
    private func lintScopes(_ step: Step, of runbook: Runbook, label: String, executors: StepExecutors,
                            breakGlassHeld: Bool, into sink: inout FindingSink) -> Bool {
        var everyScopeHeld = true
        for scope in step.scopes {
            guard access.isKnownScope(scope.name) else {
                sink.add(.unknownScope, scope.location,
                         "\(label) declares scope '\(scope.name)', which no grant in \(directory.path) covers (hint: check its spelling or add it under grants:)",
                         step: step.index, subject: scope.name)
                everyScopeHeld = false
                continue
            }
            guard let executing = executors.rotation else {
                if runbook.rotation == nil && step.rotation == nil {
                    sink.add(.unknownRotation, scope.location,
                             "\(label) declares scope '\(scope.name)' but the runbook names no rotation to hold it (hint: add `rotation:` to the front matter)",
                             step: step.index, subject: scope.name)
                }
                everyScopeHeld = false
                continue
            }
            guard let members = executors.members else { everyScopeHeld = false; continue }
            let missing = lacking(scope.name, members)
            if missing.isEmpty { continue }
            everyScopeHeld = false
            if breakGlassHeld { continue }
            sink.add(.scopeNotHeld, scope.location,
                     "\(label) needs '\(scope.name)', which rotation '\(executing)' does not hold: \(describe(missing)); grant it to the rotation, rewrite the step around a break-glass path, or name another rotation",
                     step: step.index, subject: scope.name)
        }
        return everyScopeHeld
    }

    private func lintBreakGlass(_ step: Step, label: String, executors: StepExecutors, breakGlassHeld: Bool,
                                everyScopeHeld: Bool, into sink: inout FindingSink) {
        guard let scope = step.breakGlass?.scope else { return }
        if !access.isKnownScope(scope.name) {
            sink.add(.unknownScope, scope.location,
                     "\(label) has break-glass scope '\(scope.name)', which no grant in \(directory.path) covers", step: step.index,
                     subject: scope.name)
        } else if let executing = executors.rotation, let members = executors.members, !breakGlassHeld {
            let missing = lacking(scope.name, members)
            sink.add(.breakGlassNotHeld, scope.location,
                     "\(label) has a break-glass path whose scope '\(scope.name)' rotation '\(executing)' does not hold: \(describe(missing))",
                     step: step.index, severity: everyScopeHeld ? .warning : nil, subject: scope.name)
        }
    }

    /// `non-federated-link` for observability links outside central observability. Action
    /// endpoints (`LinkPurpose`) are the scope and break-glass rules' business.
    private func lintLinks(_ step: Step, breakGlass: BreakGlassEndpoints, label: String, into sink: inout FindingSink) {
        guard !directory.federationCentral.isEmpty else { return }
        for link in step.links {
            guard let host = link.host, !directory.isCentral(host: host),
                  LinkPurpose.of(url: link.url, in: step, breakGlass: breakGlass, directory: directory) == .observability else { continue }
            sink.add(.nonFederatedLink, link.location,
                     "\(label) links to \(host), outside central observability (\(directory.federationCentral.joined(separator: ", "))); federate it into the central stack so the reader needs no extra login",
                     step: step.index, subject: link.url)
        }
    }

    private func lintRollback(_ step: Step, of runbook: Runbook, label: String, into sink: inout FindingSink) {
        guard !step.restores.isEmpty, !runbook.bundle.isEmpty else { return }
        let missing = runbook.bundle.filter { !step.restores.contains($0) }
        guard !missing.isEmpty else { return }
        sink.add(.partialRollback, step.restoresLocation ?? step.location,
                 "\(label) restores \(step.restores.joined(separator: ", ")) but not \(missing.joined(separator: ", ")) of the bundle; restoring half the bundle leaves the agent in a configuration no one tested",
                 step: step.index, subject: missing.joined(separator: ","))
    }
}
