import RunbookKit

/// One side of a gap: who wrote the runbook, or who will execute it. A side of several
/// people (a team, a rotation) can do a thing only when every one of them can: any
/// member of a rotation may be the one paged, and a team's runbook must not lean on
/// one author's private access.
public enum GapParty: Sendable, Hashable, CustomStringConvertible {
    case person(String)
    case team(String)
    case rotation(String)

    public var description: String {
        switch self {
        case .person(let name): return name
        case .team(let name): return "team \(name)"
        case .rotation(let name): return "rotation \(name)"
        }
    }

    /// The people on this side, from the access sources (a rotation from PagerDuty when
    /// configured, a team from the directory's groups or the live group source).
    func people(access: any AccessOracle, directory: Directory) throws(CommandFailure) -> [String] {
        switch self {
        case .person(let name):
            try AccessSetup.requireKnown(name, as: "person", by: "coldread gap", access: access, directory: directory)
            return [name]
        case .rotation(let name):
            guard let members = access.members(ofRotation: name) else {
                let known = directory.rotations.keys.sorted().joined(separator: ", ")
                throw .input("coldread gap: unknown rotation '\(name)' (known: \(known.isEmpty ? "none" : known))")
            }
            guard !members.isEmpty else { throw .input("coldread gap: rotation '\(name)' has no members") }
            return members
        case .team(let name):
            let listed = directory.groups[name]?.members ?? []
            let live = directory.knownMembers.filter { access.groups(of: $0).contains(name) }
            let members = Array(Set(listed).union(live)).sorted()
            guard !members.isEmpty else {
                let known = directory.groups.keys.sorted().joined(separator: ", ")
                throw .input("coldread gap: unknown team '\(name)' (known groups: \(known.isEmpty ? "none" : known))")
            }
            return members
        }
    }
}
