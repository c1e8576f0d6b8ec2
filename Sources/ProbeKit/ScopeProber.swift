import RunbookKit

/// Answers whether the people who will do a step hold its scope, from the access oracle
/// (the directory, or live providers layered over it). For a rotation every member must
/// hold it, since any of them may be the one paged. Unknown is never reported as held.
struct ScopeProber: Sendable {
    let access: any AccessOracle

    func probe(scope: String, step: Step, runbook: Runbook, audience: ProbeAudience) -> ProbeResult {
        var result = ProbeResult(kind: .scope, step: step.index, outcome: .unknown, scope: scope)
        let members: [String]
        switch audience {
        case .reader(let reader):
            guard access.isKnownMember(reader) else {
                result.reason = "reader '\(reader)' is not in the directory"
                return result
            }
            members = [reader]
        case .rotation(let named):
            guard let rotation = named ?? step.rotation ?? runbook.rotation else {
                result.reason = "no rotation: the runbook declares no 'rotation:' and none was named"
                return result
            }
            guard let rotationMembers = access.members(ofRotation: rotation) else {
                result.reason = "unknown rotation '\(rotation)'"
                return result
            }
            guard !rotationMembers.isEmpty else {
                result.reason = "rotation '\(rotation)' has no members"
                return result
            }
            members = rotationMembers
        }
        var lacking: [String] = []
        var unknown: [String] = []
        for member in members {
            switch access.answer(member: member, scope: scope) {
            case .held: break
            case .notHeld: lacking.append(member)
            case .unknown(let why): unknown.append("\(member): \(why)")
            }
        }
        if !lacking.isEmpty {
            result.outcome = .notHeld
            result.missingMembers = lacking
            if !unknown.isEmpty { result.reason = "also unknown for " + unknown.joined(separator: "; ") }
        } else if !unknown.isEmpty {
            result.reason = unknown.joined(separator: "; ")
        } else {
            result.outcome = .held
        }
        if result.outcome != .held, !access.isKnownScope(scope), result.reason == nil {
            result.reason = "no grant in the directory covers '\(scope)'"
        }
        return result
    }
}
