import Foundation
import RunbookKit

/// Where a member or a grant came from: which source said so, about what, and when it
/// was fetched. `coldread access` prints it, so a facilitator can see why lint thinks
/// Ben lacks `traces:read` (stale file? PagerDuty down? not in the SCIM group?).
public struct Provenance: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case file, pagerduty, scim, github, command

        /// The name people know the source by.
        public var title: String {
            switch self {
            case .file: return "file"
            case .pagerduty: return "PagerDuty"
            case .scim: return "SCIM"
            case .github: return "GitHub"
            case .command: return "command"
            }
        }
    }

    public var source: Source
    /// What the source was asked: `schedule PABC123`, `group "sre"`, `coldread.yaml:12:3`.
    public var detail: String
    /// When the answer was fetched; nil for the file, which is read, not fetched.
    public var fetchedAt: Date?

    public init(source: Source, detail: String, fetchedAt: Date? = nil) {
        self.source = source
        self.detail = detail
        self.fetchedAt = fetchedAt
    }

    /// `PagerDuty schedule PABC123, fetched 2026-11-25T09:30:00Z`.
    public var description: String {
        let base = source == .file ? detail : "\(source.title) \(detail)"
        return fetchedAt.map { "\(base), fetched \(Self.timestamp($0))" } ?? base
    }

    /// RFC 3339 UTC, whole seconds: the form every report and JSON document uses.
    public static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

/// A person as a source lists them. The file speaks in directory member names; live
/// sources speak in their own users (a PagerDuty user, a SCIM user, a GitHub login),
/// which are matched to directory members by email.
public struct ListedPerson: Sendable, Hashable {
    /// A directory member name, when the source speaks in them.
    public var name: String?
    public var emails: [String] = []
    /// A GitHub login, or a SCIM `userName` that is not an email.
    public var login: String?
    /// The source's own id for the user, for the record.
    public var sourceId: String?
}

/// The members of a rotation or a group as one source sees them, or why it cannot say.
public struct MemberListing: Sendable {
    public enum Outcome: Sendable {
        case members([ListedPerson])
        case unknown(reason: String)
    }

    public var outcome: Outcome
    public var provenance: Provenance

    /// A source asked about a rotation or group its settings map to nothing (no schedule,
    /// no team): unknown, in the one sentence every such source uses.
    static func unmapped(_ list: String, named name: String, in source: Provenance.Source, lacking what: String) -> MemberListing {
        MemberListing(outcome: .unknown(reason: "no \(source.title) \(what) is configured for \(list) '\(name)'"),
                      provenance: Provenance(source: source, detail: "\(list) \(name)"))
    }
}

/// Whose access a scope check asks about: a named member (impersonated where the check
/// allows it), or whoever runs ColdRead right now (the reader of a drill).
public enum AccessSubject: Sendable, Hashable {
    case member(name: String, email: String?)
    case currentReader
}

/// A scope answer and the source that gave it.
public struct CheckedAnswer: Sendable, Hashable {
    public var answer: ScopeAnswer
    public var provenance: Provenance
}

/// A source of rotation membership: who may be paged for a rotation.
public protocol RotationProvider: Sendable {
    /// True when this source is the authority for the rotation.
    func covers(rotation: String) -> Bool
    func members(ofRotation rotation: String) async -> MemberListing
}

/// A source of group membership: the groups that grants name.
public protocol GroupProvider: Sendable {
    func covers(group: String) -> Bool
    func members(ofGroup group: String) async -> MemberListing
}

/// A source that checks a scope directly (`kubectl auth can-i …`) rather than through
/// group grants.
public protocol ScopeChecker: Sendable {
    func covers(scope: String) -> Bool
    func check(scope: String, for subject: AccessSubject) async -> CheckedAnswer
}
