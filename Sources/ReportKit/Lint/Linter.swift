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

    /// Where the author wrote steps under headings read as briefing (`## Overview`), telling
    /// them to write steps under an H2 is no help: the hint names those headings instead.
    public static func noStepsHint(_ runbook: Runbook) -> String {
        let briefing = runbook.briefing.map(\.heading).filter { !$0.isEmpty }
        guard !briefing.isEmpty else { return "write its steps as a numbered list or as H3 headings under an H2" }
        let named = briefing.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return "every section is read as briefing (\(named)); put the steps under an H2 with another name, or set context_sections in coldread.yaml to the headings that are briefing"
    }

    /// Findings for one runbook, in source order.
    public func lint(_ runbook: Runbook) -> [Finding] {
        var sink = FindingSink(runbook: runbook, strict: strict)
        if let rotation = runbook.rotation, access.members(ofRotation: rotation) == nil {
            sink.add(.unknownRotation, runbook.rotationLocation ?? runbook.location,
                     "runbook '\(runbook.id)' names rotation '\(rotation)', which the directory does not know (known: \(knownRotations))",
                     subject: rotation)
        }
        if runbook.steps.isEmpty {
            sink.add(.noSteps, runbook.location, "runbook '\(runbook.id)' has no steps, so a drill or dry-run of it would pass with nothing checked (hint: \(Self.noStepsHint(runbook)))")
        }
        let breakGlass = BreakGlassEndpoints(runbook.steps)
        for step in runbook.steps {
            lintStep(step, of: runbook, breakGlass: breakGlass, into: &sink)
        }
        return sink.findings
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

    var knownRotations: String {
        let names = directory.rotations.keys.sorted()
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// Members for whom the scope is not positively held, with why for unknown answers.
    func lacking(_ scope: String, _ members: [String]) -> [(String, String?)] {
        members.compactMap { member in
            switch access.answer(member: member, scope: scope) {
            case .held: return nil
            case .notHeld: return (member, nil)
            case .unknown(let reason): return (member, reason)
            }
        }
    }

    func describe(_ missing: [(String, String?)]) -> String {
        let parts = missing.map { m in m.1.map { "\(m.0) (unknown: \($0))" } ?? m.0 }
        return (missing.count == 1 ? "" : "\(missing.count) members lack it: ") + parts.joined(separator: ", ") + (missing.count == 1 ? " lacks it" : "")
    }

    func actionEvidence(_ step: Step) -> String {
        if let tool = step.tools.first { return "`\(tool.name)`" }
        if !step.probes.isEmpty { return "a command probe" }
        if !step.restores.isEmpty { return "a rollback" }
        return "a break-glass path"
    }
}
