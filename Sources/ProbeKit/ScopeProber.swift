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
            switch RotationReaders.members(stepRotation: step.rotation, of: runbook, named: named, access: access) {
            case .success(let rotationMembers): members = rotationMembers
            case .failure(let unknown):
                result.reason = unknown.reason
                return result
            }
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
