import RunbookKit

/// What an access answer rests on, for `coldread access`: the answer, a sentence that
/// says why, and the sources it came from.
public struct ScopeExplanation: Sendable, Hashable {
    public var member: String
    public var scope: String
    public var answer: ScopeAnswer
    public var because: String
    public var provenance: [Provenance]
}
