import Foundation
import RunbookKit

/// The access oracle lint, probes and drills ask: live sources combined with the file,
/// fetched once up front (`prefetch`), then answered synchronously for the whole run.
///
/// Order: a live source overrides the file for what it covers (a rotation PagerDuty has a
/// schedule for, a group SCIM or a GitHub team covers, a scope a `commands:` pattern
/// covers); the file answers the rest. Grants always come from the file: they say which
/// groups hold a scope, the live sources say who is in those groups.
///
/// When a covering source cannot answer, nothing it covers is held on its word: a group
/// it covers holds no one for sure (answers through it are unknown), and a rotation it
/// covers keeps the file's members plus a stand-in for whoever else the schedule may
/// page, whose every answer is unknown with the source's reason. So a provider that is
/// down never makes a runbook look executable, and lint says why.
public struct LiveAccess: AccessOracle {
    public let directory: Directory
    /// Every rotation, live or from the file.
    public let rotations: [String: ResolvedListing]
    /// Every group, live or from the file.
    public let groups: [String: ResolvedListing]
    /// Stand-ins for the unknown people of a rotation whose source failed, with the reason.
    public let standIns: [String: String]
    let commandAnswers: [MemberScope: CheckedAnswer]
    let commands: CommandScopeChecks
    /// The member who runs ColdRead now; command checks for them run without impersonation.
    public let reader: String?
    /// False for the file alone (`--offline`, or no providers configured).
    public let isLive: Bool

    struct MemberScope: Hashable, Sendable {
        var member: String
        var scope: String
    }

    /// The file alone, as `--offline` asks: the same explanations, no network.
    public static func offline(directory: Directory) -> LiveAccess {
        let file = FileAccessSource(directory: directory)
        let matcher = MemberMatcher(directory: directory)
        return LiveAccess(
            directory: directory,
            rotations: Dictionary(uniqueKeysWithValues: directory.rotations.keys.map { ($0, resolve($0, file.rotationListing($0), matcher)) }),
            groups: Dictionary(uniqueKeysWithValues: directory.groups.keys.map { ($0, resolve($0, file.groupListing($0), matcher)) }),
            standIns: [:], commandAnswers: [:], commands: CommandScopeChecks(commands: [], timeoutSeconds: 1), reader: nil, isLive: false)
    }

    static func resolve(_ name: String, _ listing: MemberListing, _ matcher: MemberMatcher) -> ResolvedListing {
        switch listing.outcome {
        case .unknown(let reason):
            return ResolvedListing(name: name, members: [], failure: reason, provenance: listing.provenance)
        case .members(let people):
            var members: [String] = []
            var unmatched: [String] = []
            for person in people {
                let match = matcher.match(person, source: listing.provenance.source)
                guard !members.contains(match.name) else { continue }
                members.append(match.name)
                if !match.matched { unmatched.append(match.name) }
            }
            return ResolvedListing(name: name, members: members, unmatched: unmatched, provenance: listing.provenance)
        }
    }

    // MARK: AccessOracle

    public func members(ofRotation rotation: String) -> [String]? { rotations[rotation]?.members }

    public func answer(member: String, scope: String) -> ScopeAnswer { explain(member: member, scope: scope).answer }

    public func isKnownScope(_ scope: String) -> Bool { commands.covers(scope: scope) || directory.isKnownScope(scope) }

    public func isKnownMember(_ member: String) -> Bool {
        standIns[member] != nil || directory.knownMembers.contains(member)
            || (rotations.values.contains { $0.members.contains(member) && !$0.unmatched.contains(member) })
            || (groups.values.contains { $0.members.contains(member) && !$0.unmatched.contains(member) })
    }

    public func groups(of member: String) -> [String] {
        groups.values.filter { $0.members.contains(member) }.map(\.name).sorted()
    }

    /// Live people no directory member matched, per rotation: lint reports them as
    /// unknown members.
    public var unmatchedRotationMembers: [(rotation: String, member: String)] {
        rotations.keys.sorted().flatMap { name in (rotations[name]?.unmatched ?? []).map { (rotation: name, member: $0) } }
    }

    // MARK: Explanations

    /// The answer for one member and scope, with why and from where.
    public func explain(member: String, scope: String) -> ScopeExplanation {
        func result(_ answer: ScopeAnswer, _ because: String, _ provenance: [Provenance]) -> ScopeExplanation {
            ScopeExplanation(member: member, scope: scope, answer: answer, because: because, provenance: provenance)
        }
        if let reason = standIns[member] {
            return result(.unknown(reason: reason), "the rotation's live source could not say who is on it", [])
        }
        if let template = commands.template(for: scope) {
            guard let checked = commandAnswers[MemberScope(member: member, scope: scope)] else {
                let reason = "the `\(template.pattern)` check was not run for \(member) this run"
                return result(.unknown(reason: reason), reason, [])
            }
            return result(checked.answer, "checked by \(checked.provenance.detail)", [checked.provenance])
        }
        let grants = directory.grants(covering: scope)
        guard !grants.isEmpty else {
            return result(.notHeld, "no grant in \(directory.path) covers '\(scope)'", [])
        }
        var refusals: [String] = []
        var unknowns: [String] = []
        var provenance: [Provenance] = []
        for grant in grants {
            let grantSource = Provenance(source: .file, detail: "\(directory.path):\(grant.location.line)")
            let holders = grant.holders.joined(separator: ", ")
            var notes = ["'\(grant.pattern)' is granted to \(holders.isEmpty ? "no one" : holders) (\(grantSource.description))"]
            provenance.append(grantSource)
            for holder in grant.holders {
                if holder == member {
                    return result(.held, "'\(grant.pattern)' is granted to \(member) directly (\(grantSource.description))", [grantSource])
                }
                guard let group = groups[holder] else { continue }
                provenance.append(group.provenance)
                if let failure = group.failure {
                    unknowns.append("\(group.provenance.source.title) \(group.provenance.detail): \(failure)")
                } else if group.members.contains(member) {
                    return result(.held, "'\(grant.pattern)' is granted to \(holders) (\(grantSource.description)); \(member) is in \(holder) (\(group.provenance.description))",
                                  [grantSource, group.provenance])
                } else {
                    notes.append("\(member) is not in \(holder) (\(group.provenance.description))")
                }
            }
            refusals.append(notes.joined(separator: "; "))
        }
        if !unknowns.isEmpty {
            let reason = unknowns.joined(separator: "; ")
            return result(.unknown(reason: reason), (refusals + ["membership unknown: " + reason]).joined(separator: "; "), provenance)
        }
        return result(.notHeld, refusals.joined(separator: "; "), provenance)
    }
}
