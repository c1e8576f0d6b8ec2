/// A rotation's or group's members after combining sources: directory member names (or,
/// for people no one matched, their email), where the list came from, and, when the
/// covering live source could not answer, why.
public struct ResolvedListing: Sendable, Hashable {
    public var name: String
    /// Member names in source order, without repeats.
    public var members: [String]
    /// The subset of `members` that no directory member matched.
    public var unmatched: [String] = []
    /// Why the covering source could not answer; nil when it did.
    public var failure: String?
    public var provenance: Provenance
}
