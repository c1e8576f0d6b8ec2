import Foundation
import ProbeKit
import ReportKit
import RunbookKit

/// What `coldread access` prints, built from the oracle's answers and provenance.
public struct AccessReport: Sendable {
    public enum Format: String, Sendable { case text, json }

    public struct Listing: Encodable, Sendable {
        public var name: String
        public var source: SourceRef
        public var members: [String]
        public var unmatched: [String]
        public var failure: String?
    }

    public struct SourceRef: Encodable, Sendable {
        public var provider: String
        public var detail: String
        public var fetchedAt: String?

        init(_ p: Provenance) {
            provider = p.source.rawValue
            detail = p.detail
            fetchedAt = p.fetchedAt.map(Provenance.timestamp)
        }

        enum CodingKeys: String, CodingKey { case provider, detail, fetchedAt = "fetched_at" }
    }

    public struct ScopeLine: Encodable, Sendable {
        public var scope: String
        public var answer: String
        public var reason: String?
        public var because: String
        public var sources: [SourceRef]
    }

    public struct MemberView: Encodable, Sendable {
        public var name: String
        public var email: String?
        public var known: Bool
        public var rotations: [String]
        public var groups: [String]
        public var scopes: [ScopeLine]
    }

    public struct Document: Encodable, Sendable {
        public var version = 1
        public var live: Bool
        public var rotations: [Listing]
        public var groups: [Listing]
        public var members: [MemberView]
    }

    public let document: Document
    /// The rotation asked about, whose text view summarises each scope across members.
    private var rotationSubject: String?

    public init(access: LiveAccess, subject: String?, scopes: [String], live: Bool) throws(CommandFailure) {
        func listing(_ r: ResolvedListing) -> Listing {
            Listing(name: r.name, source: SourceRef(r.provenance), members: r.members, unmatched: r.unmatched, failure: r.failure)
        }
        func member(_ name: String) -> MemberView {
            MemberView(
                name: name, email: access.directory.members[name]?.email, known: access.isKnownMember(name),
                rotations: access.rotations.values.filter { $0.members.contains(name) }.map(\.name).sorted(),
                groups: access.groups(of: name),
                scopes: scopes.map { scope in
                    let e = access.explain(member: name, scope: scope)
                    return ScopeLine(scope: scope, answer: Self.word(e.answer), reason: Self.reason(e.answer), because: e.because,
                                     sources: e.provenance.map(SourceRef.init))
                })
        }
        let rotations = access.rotations.values.sorted { $0.name < $1.name }
        let groups = access.groups.values.sorted { $0.name < $1.name }
        guard let subject else {
            document = Document(live: live, rotations: rotations.map(listing), groups: groups.map(listing), members: [])
            return
        }
        if let rotation = access.rotations[subject] {
            let memberGroups = Set(rotation.members.flatMap { access.groups(of: $0) })
            document = Document(live: live, rotations: [listing(rotation)], groups: groups.filter { memberGroups.contains($0.name) }.map(listing),
                                members: rotation.members.map(member))
            rotationSubject = subject
        } else if access.isKnownMember(subject) || rotations.contains(where: { $0.members.contains(subject) }) {
            let view = member(subject)
            document = Document(live: live, rotations: rotations.filter { view.rotations.contains($0.name) }.map(listing),
                                groups: groups.filter { view.groups.contains($0.name) }.map(listing), members: [view])
        } else {
            let known = access.rotations.keys.sorted().joined(separator: ", ")
            throw .input("coldread access: '\(subject)' is neither a member nor a rotation (hint: rotations are \(known.isEmpty ? "none" : known); members are listed under members: in \(access.directory.path))")
        }
    }

    public func json() -> String {
        JSONDocument.text(document) ?? "{\"version\":1}"
    }

    public func text() -> String {
        var lines: [String] = []
        for (title, listings) in [("rotation", document.rotations), ("group", document.groups)] {
            for l in listings {
                lines.append("\(title) \(l.name): \(Self.describe(l.source))")
                if let failure = l.failure { lines.append("  unknown: \(failure)") }
                let shown = l.members.map { l.unmatched.contains($0) ? "\($0) (matches no member's email)" : $0 }
                lines.append("  members: " + (shown.isEmpty ? "none" : shown.joined(separator: ", ")))
            }
        }
        if let rotation = rotationSubject {
            lines.append("")
            lines.append("scopes for rotation \(rotation) (every member must hold each; `coldread access MEMBER` says why):")
            for scope in document.members.first?.scopes.map(\.scope) ?? [] {
                let answers = document.members.compactMap { m in m.scopes.first { $0.scope == scope }.map { (m.name, $0) } }
                let lacking = answers.filter { $0.1.answer == "not_held" }.map(\.0)
                let unknown = answers.filter { $0.1.answer == "unknown" }.map { "\($0.0) (\($0.1.reason ?? "unknown"))" }
                var parts: [String] = []
                if !lacking.isEmpty { parts.append("not held by " + lacking.joined(separator: ", ")) }
                if !unknown.isEmpty { parts.append("unknown for " + unknown.joined(separator: ", ")) }
                lines.append("  \(scope): " + (parts.isEmpty ? "held by every member" : parts.joined(separator: "; ")))
            }
            if !document.live { lines.append(""); lines.append("(file only: no live providers were asked)") }
            return lines.joined(separator: "\n")
        }
        for m in document.members {
            lines.append("")
            lines.append("member \(m.name)" + (m.email.map { " <\($0)>" } ?? "") + (m.known ? "" : " (not in the directory)"))
            lines.append("  rotations: " + (m.rotations.isEmpty ? "none" : m.rotations.joined(separator: ", ")))
            lines.append("  groups: " + (m.groups.isEmpty ? "none" : m.groups.joined(separator: ", ")))
            for s in m.scopes {
                lines.append("  \(s.scope): \(s.answer.replacingOccurrences(of: "_", with: " "))" + (s.reason.map { " (\($0))" } ?? ""))
                lines.append("    because \(s.because)")
            }
        }
        if !document.live { lines.append(""); lines.append("(file only: no live providers were asked)") }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ s: SourceRef) -> String {
        let who = Provenance.Source(rawValue: s.provider)?.title ?? s.provider
        let base = s.provider == "file" ? "from \(s.detail)" : "from \(who) \(s.detail)"
        return base + (s.fetchedAt.map { ", fetched \($0)" } ?? "")
    }

    public static func word(_ a: ScopeAnswer) -> String {
        switch a {
        case .held: return "held"
        case .notHeld: return "not_held"
        case .unknown: return "unknown"
        }
    }

    public static func reason(_ a: ScopeAnswer) -> String? {
        if case .unknown(let r) = a { return r }
        return nil
    }
}
