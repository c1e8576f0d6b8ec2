import RunbookKit

/// `duplicate-id`: two runbooks that answer to one id would share journals, reports,
/// history and one cadence, so a clean drill of one would reset the other's. The first
/// file (by path) keeps the id; every later one gets an error at its `id:`, naming the
/// first.
public enum DuplicateIds {
    /// What a runbook claims: its id, its file, and where an explicit id was declared.
    public struct Claim: Sendable, Hashable {
        public var id: String
        public var path: String
        public var idLocation: SourceLocation?
        public var location: SourceLocation

        public init(_ runbook: Runbook) {
            id = runbook.id
            path = runbook.path
            idLocation = runbook.idLocation
            location = runbook.location
        }
    }

    public static func findings(_ claims: [Claim]) -> [Finding] {
        var first: [String: Claim] = [:]
        var findings: [Finding] = []
        for claim in claims.sorted(by: { $0.path < $1.path }) {
            guard let owner = first[claim.id] else {
                first[claim.id] = claim
                continue
            }
            let ownerPlace = owner.idLocation ?? SourceLocation(file: owner.path, line: 1)
            findings.append(Finding(
                rule: .duplicateId, location: claim.idLocation ?? claim.location,
                message: "runbook id '\(claim.id)' is already the id of \(owner.path) (\(ownerPlace)); ids are unique across the workspace (hint: rename one, or drop `id:` so the file's path names it)",
                runbookId: claim.id))
        }
        return findings
    }
}
