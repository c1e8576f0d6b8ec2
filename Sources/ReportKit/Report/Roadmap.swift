import DrillKit
import RunbookKit

/// Turns what a run found into gaps with remedies (DESIGN.md, Report). Gaps come from
/// probe outcomes that stop a reader, and from the reasons the reader gave when blocked;
/// a blocked reason that a probe already explains adds nothing new. Links outside
/// central observability are gaps even when they opened, because the next reader may
/// not be let in. The costliest gaps come first: what cost the reader the most time.
enum Roadmap {
    static func gaps(steps: [StepReport], runbooks: [Runbook], directory: Directory?) -> [Gap] {
        var gaps: [Gap] = []
        for step in steps {
            let runbook = step.runbookId.map { id in runbooks.first { $0.id == id } } ?? runbooks.first
            let source = runbook?.steps.first { $0.index == step.index }
            let context = GapContext(step: step, source: source, runbook: runbook, directory: directory)
            var found = step.probes.compactMap(context.gap(for:))
            if let reason = step.blockedReason {
                found += context.gaps(forBlockedReason: reason, alreadyFound: found)
            }
            gaps += found
        }
        return gaps.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.costMs != y.costMs { return x.costMs > y.costMs }
            if x.blocking != y.blocking { return x.blocking }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// What the roadmap knows about one step while naming its gaps.
private struct GapContext {
    var step: StepReport
    var source: Step?
    var runbook: Runbook?
    var directory: Directory?

    var blocked: Bool { step.status == .blocked }
    var rotation: String? { source?.rotation ?? runbook?.rotation }

    func make(_ kind: Gap.Kind, subject: String, finding: String, remedies: [String], missing: [String] = [], blocking: Bool? = nil) -> Gap {
        let stops = blocking ?? blocked
        return Gap(
            kind: kind, step: step.index, stepTitle: step.title, runbookId: step.runbookId, subject: subject,
            finding: finding, missingMembers: missing, remedies: remedies, costMs: stops ? step.timeMs : 0,
            blocking: stops)
    }

    // MARK: probes

    func gap(for probe: ProbeResult) -> Gap? {
        switch probe.kind {
        case .scope:
            guard probe.outcome == .notHeld, let scope = probe.scope else { return nil }
            return scopeGap(scope, missing: probe.missingMembers)
        case .link:
            return linkGap(probe)
        case .tool:
            guard probe.outcome == .missing, let tool = probe.tool else { return nil }
            return toolGap(tool)
        case .command:
            guard probe.outcome.blocks else { return nil }
            let argv = probe.subject
            let detail = probe.exitCode.map { " (exit \($0))" } ?? (probe.outcome == .timeout ? " (timed out)" : "")
            return make(
                .commandFailed, subject: argv, finding: "`\(argv)` failed as the reader\(detail).",
                remedies: ["Make `\(argv)` pass for the rotation (grant what it checks), or correct the command in the step."])
        }
    }

    func scopeGap(_ scope: String, missing: [String]?) -> Gap {
        let members = rotation.flatMap { directory?.members(ofRotation: $0) } ?? []
        let lacking = (missing?.isEmpty == false ? missing : nil) ?? directory?.membersLacking(scope, among: members) ?? []
        let who = lacking.isEmpty ? "" : " (" + lacking.joined(separator: ", ") + " lack it)"
        let rotationName = rotation.map { "rotation `\($0)`" } ?? "the executing rotation"
        var remedies = ["Grant `\(scope)` to \(rotationName)\(who)."]
        if let glass = source?.breakGlass {
            let path = [glass.scope.map { "`\($0.name)`" }, glass.url].compactMap { $0 }.joined(separator: " at ")
            let held = glass.scope.flatMap { scope in rotation.flatMap { directory?.rotationHolds($0, scope.name) } }
            switch held {
            case true?: remedies.append("Rewrite the step to lead with its break-glass path \(path), which \(rotationName) holds.")
            case false?: remedies.append("Rewrite the step around its break-glass path \(path), and grant its scope to \(rotationName), which does not hold it yet.")
            case nil: remedies.append("Rewrite the step around its break-glass path \(path), and make sure \(rotationName) holds it.")
            }
        } else {
            remedies.append("Rewrite the step around a break-glass path: an audited emergency scope \(rotationName) holds.")
        }
        let others = (directory?.rotations.keys.sorted() ?? []).filter { $0 != rotation && directory!.rotationHolds($0, scope) }
        if others.isEmpty {
            remedies.append("Hand the step to another rotation that holds `\(scope)` (none in the directory does today).")
        } else {
            remedies.append("Hand the step to another rotation that holds `\(scope)`: " + others.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        return make(
            .scopeNotHeld, subject: scope, finding: "\(rotationName.prefix(1).uppercased() + rotationName.dropFirst()) does not hold `\(scope)`\(who).",
            remedies: remedies, missing: lacking)
    }

    func toolGap(_ tool: String) -> Gap {
        make(
            .toolMissing, subject: tool, finding: "`\(tool)` is not on the reader's PATH.",
            remedies: ["Install `\(tool)` in the on-call toolbox, or rename it in the step to the tool's current name."])
    }

    func linkGap(_ probe: ProbeResult) -> Gap? {
        let url = probe.url ?? ""
        let host = URLParts(url)?.host
        let central = host.map { directory?.isCentral(host: $0) ?? false } ?? false
        let purpose = source.map { LinkPurpose.of(url: url, in: $0, of: runbook, directory: directory) } ?? .observability
        switch probe.outcome {
        case .ok:
            guard purpose == .observability, let directory, !directory.federationCentral.isEmpty, let host, !central else { return nil }
            return make(
                .nonFederatedLink, subject: url, finding: "\(host) is outside central observability; it opened this time.",
                remedies: [federate(url)], blocking: false)
        case .ssoWall, .unauthorized, .forbidden:
            let wall = probe.outcome == .ssoWall ? "an SSO wall" : "\(probe.outcome.rawValue.replacingOccurrences(of: "_", with: " "))"
            if purpose == .action { return actionEndpointGap(url, wall: wall) }
            if central {
                return make(
                    .nonFederatedLink, subject: url, finding: "\(url) stopped the reader with \(wall), although \(host ?? "") is central.",
                    remedies: ["Give \(rotation.map { "rotation `\($0)`" } ?? "the rotation") access to \(host ?? url) in central observability."],
                    blocking: true)
            }
            return make(.nonFederatedLink, subject: url, finding: "\(url) stopped the reader with \(wall).", remedies: [federate(url)], blocking: true)
        case .notFound:
            return make(
                .deadLink, subject: url, finding: "\(url) is gone (404): renamed or moved.",
                remedies: ["Point the link at the page's current address, or remove it."], blocking: true)
        default:
            guard probe.outcome.blocks else { return nil }
            return make(
                .deadLink, subject: url, finding: "\(url) did not answer the reader (\(probe.outcome.rawValue.replacingOccurrences(of: "_", with: " "))).",
                remedies: ["Link a page the reader can reach during an incident, ideally in central observability."], blocking: true)
        }
    }

    /// A walled action endpoint (a break-glass URL, a deploy console) is an access gap:
    /// federating it would mean nothing, so it gets the scope and break-glass remedies.
    func actionEndpointGap(_ url: String, wall: String) -> Gap {
        let rotationName = rotation.map { "rotation `\($0)`" } ?? "the executing rotation"
        let scopes = (source?.scopes.map { "`\($0.name)`" } ?? []).joined(separator: ", ")
        var remedies = [scopes.isEmpty
            ? "Declare the scope \(url) needs and grant it to \(rotationName)."
            : "Grant \(rotationName) the access \(url) checks (the step declares \(scopes))."]
        if let glass = source?.breakGlass, let glassURL = glass.url, glassURL != url {
            remedies.append("Rewrite the step to lead with its break-glass path \(glassURL).")
        } else {
            remedies.append("Rewrite the step around a break-glass path: an audited emergency scope \(rotationName) holds.")
        }
        remedies.append("Hand the step to another rotation that can use \(url).")
        return make(.scopeNotHeld, subject: url, finding: "\(url), where the step acts, stopped the reader with \(wall).",
                    remedies: remedies, blocking: true)
    }

    func federate(_ url: String) -> String {
        "Federate this data into central observability and link the central view instead of \(url)."
    }

    // MARK: blocked reasons

    func gaps(forBlockedReason reason: BlockedReason, alreadyFound found: [Gap]) -> [Gap] {
        let note = step.blockedNote.map { $0.isEmpty ? nil : $0 } ?? nil
        let said = note.map { ": “\($0)”" } ?? "."
        func covered(_ kinds: Gap.Kind...) -> Bool { found.contains { kinds.contains($0.kind) && $0.blocking } }
        switch reason {
        case .noPermission:
            if covered(.scopeNotHeld, .commandFailed) { return [] }
            let scopes = (source?.scopes.map(\.name) ?? []).filter { scope in
                guard let rotation, let directory else { return true }
                return !directory.rotationHolds(rotation, scope)
            }
            if scopes.isEmpty {
                return [make(
                    .scopeNotHeld, subject: "", finding: "The reader had no permission, and the step declares no scope that explains it\(said)",
                    remedies: [
                        "Declare the scope the step needs, then grant it to the rotation.",
                        "Rewrite the step around a break-glass path the rotation holds.",
                        "Hand the step to another rotation that holds the scope.",
                    ])]
            }
            return scopes.map { scopeGap($0, missing: nil) }
        case .ssoWall, .deadLink:
            if covered(.nonFederatedLink, .deadLink) { return [] }
            let links = source?.links ?? []
            if reason == .ssoWall {
                let outside = links.filter { link in link.host.map { !(directory?.isCentral(host: $0) ?? false) } ?? false }
                if outside.isEmpty {
                    return [make(.nonFederatedLink, subject: "", finding: "The reader hit an SSO wall\(said)", remedies: [federate("the page behind the wall")])]
                }
                return outside.map { make(.nonFederatedLink, subject: $0.url, finding: "\($0.url) stopped the reader with an SSO wall\(said)", remedies: [federate($0.url)]) }
            }
            return [make(
                .deadLink, subject: links.map(\.url).joined(separator: " "), finding: "A link in the step was dead or renamed\(said)",
                remedies: ["Point the step's links at their current addresses."])]
        case .toolMissing:
            if covered(.toolMissing) { return [] }
            let tools = source?.tools.map(\.name) ?? []
            if tools.isEmpty {
                return [make(.toolMissing, subject: "", finding: "A tool the step needs was missing\(said)", remedies: ["Name the tool in the step and install it in the on-call toolbox, or rename it to its current name."])]
            }
            return tools.map(toolGap)
        case .unclear:
            return [make(.unclearStep, subject: "", finding: "The reader could not tell what to do\(said)", remedies: ["Rewrite step \(step.index) so a reader who did not write it can act on it\(note.map { "; start from the note: “\($0)”" } ?? ".")"])]
        case .hadToAsk:
            return [make(.hadToAsk, subject: "", finding: "The reader had to ask someone\(said)", remedies: ["Write down in step \(step.index) what the reader had to ask\(note.map { " (“\($0)”)" } ?? ""), so the next reader need not ask."])]
        case .other:
            return [make(.other, subject: "", finding: "The reader was stopped\(said)", remedies: ["Change the step so this does not stop the next reader."])]
        }
    }
}
