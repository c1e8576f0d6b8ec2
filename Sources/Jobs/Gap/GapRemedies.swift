import ProbeKit
import ReportKit
import RunbookKit

/// The essay's roadmap for what only the author can do: grant it, break glass, hand the
/// step to another rotation, or federate the data. Which of them fit depends on what
/// the check is: a scope, an observability link, an action endpoint, a tool, a command.
struct GapRemedies {
    var directory: Directory
    var access: any AccessOracle
    var reader: GapParty

    func remedies(for check: GapCheck, in step: Step, of runbook: Runbook) -> [String] {
        let who = check.blockedReaders.joined(separator: ", ")
        switch check.kind {
        case .scope:
            return accessRemedies("`\(check.subject)`", who: who, scope: check.subject, step: step)
        case .link:
            if LinkPurpose.of(url: check.subject, in: step, of: runbook, directory: directory) == .action {
                return accessRemedies(check.subject, who: who, scope: nil, step: step)
            }
            return ["Federate this data into central observability and link the central view instead of \(check.subject), so \(who) need no login of the author's."]
        case .tool:
            return ["Install `\(check.subject)` for \(who) (the on-call toolbox), or rename it in the step to a tool they have."]
        case .command:
            return ["Make `\(check.subject)` pass for \(who): grant what it checks.",
                    "Rewrite the step around a break-glass path \(reader) holds."]
        }
    }

    private func accessRemedies(_ what: String, who: String, scope: String?, step: Step) -> [String] {
        var remedies = ["Grant \(what) to \(reader) (\(who) lack it)."]
        if let glass = step.breakGlass, let url = glass.url ?? glass.scope?.name {
            remedies.append("Rewrite the step to lead with its break-glass path \(url).")
        } else {
            remedies.append("Rewrite the step around a break-glass path: an audited emergency scope \(reader) holds.")
        }
        let others = scope.map(rotationsHolding) ?? []
        remedies.append(others.isEmpty
            ? "Hand the step to another rotation that can do it (none in the directory holds \(what) today)."
            : "Hand the step to another rotation that holds \(what): " + others.map { "`\($0)`" }.joined(separator: ", ") + ".")
        return remedies
    }

    /// Rotations other than the reader's whose every member holds `scope`.
    private func rotationsHolding(_ scope: String) -> [String] {
        directory.rotations.keys.sorted().filter { name in
            guard reader != .rotation(name), let members = access.members(ofRotation: name), !members.isEmpty else { return false }
            return members.allSatisfy { access.answer(member: $0, scope: scope) == .held }
        }
    }
}
