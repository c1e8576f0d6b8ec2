import RunbookKit

/// The access directory in `coldread.yaml` as a source like any other: the embedded
/// default that answers whatever no live source covers.
public struct FileAccessSource: RotationProvider, GroupProvider, ScopeChecker {
    public let directory: Directory

    public init(directory: Directory) {
        self.directory = directory
    }

    public func covers(rotation: String) -> Bool { directory.rotations[rotation] != nil }

    public func members(ofRotation rotation: String) async -> MemberListing { rotationListing(rotation) }

    public func covers(group: String) -> Bool { directory.groups[group] != nil }

    public func members(ofGroup group: String) async -> MemberListing { groupListing(group) }

    public func covers(scope: String) -> Bool { directory.isKnownScope(scope) }

    public func check(scope: String, for subject: AccessSubject) async -> CheckedAnswer {
        switch subject {
        case .member(let name, _):
            return CheckedAnswer(answer: directory.answer(member: name, scope: scope), provenance: grantProvenance(scope))
        case .currentReader:
            return CheckedAnswer(answer: .unknown(reason: "the file directory does not know who is reading; name the reader"),
                                 provenance: grantProvenance(scope))
        }
    }

    /// Synchronous forms, for combining without a suspension point.
    func rotationListing(_ rotation: String) -> MemberListing {
        guard let r = directory.rotations[rotation] else {
            return MemberListing(outcome: .unknown(reason: "\(directory.path) has no rotation '\(rotation)'"), provenance: provenance())
        }
        return MemberListing(outcome: .members(r.members.map(person)), provenance: provenance(r.location))
    }

    func groupListing(_ group: String) -> MemberListing {
        guard let g = directory.groups[group] else {
            return MemberListing(outcome: .unknown(reason: "\(directory.path) has no group '\(group)'"), provenance: provenance())
        }
        return MemberListing(outcome: .members(g.members.map(person)), provenance: provenance(g.location))
    }

    func provenance(_ location: SourceLocation? = nil) -> Provenance {
        Provenance(source: .file, detail: location.map { "\(directory.path):\($0.line)" } ?? directory.path)
    }

    private func grantProvenance(_ scope: String) -> Provenance {
        provenance(directory.grants(covering: scope).first?.location)
    }

    private func person(_ name: String) -> ListedPerson {
        ListedPerson(name: name, emails: directory.members[name]?.email.map { [$0] } ?? [])
    }
}
