/// What an access source can say about one member and one scope. `unknown` is never
/// treated as held: a provider that is down must not make a runbook look executable.
public enum ScopeAnswer: Hashable, Sendable {
    case held
    case notHeld
    case unknown(reason: String)
}

/// The questions the lint and the scope probes ask about access. The file directory
/// answers them; live providers (PagerDuty, SCIM, GitHub, command checks) answer them
/// from prefetched data, overriding the file for what they cover.
public protocol AccessOracle: Sendable {
    /// Members of a rotation, or nil when the rotation is unknown.
    func members(ofRotation rotation: String) -> [String]?
    func answer(member: String, scope: String) -> ScopeAnswer
    /// True when the scope is in the scope catalog (some grant covers it).
    func isKnownScope(_ scope: String) -> Bool
    func isKnownMember(_ member: String) -> Bool
    func groups(of member: String) -> [String]
}

extension Directory: AccessOracle {
    public func members(ofRotation rotation: String) -> [String]? { rotations[rotation]?.members }

    public func answer(member: String, scope: String) -> ScopeAnswer {
        holds(member, scope) ? .held : .notHeld
    }

    public func isKnownMember(_ member: String) -> Bool { knownMembers.contains(member) }
}
