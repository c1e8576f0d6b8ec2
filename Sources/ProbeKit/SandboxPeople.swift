import RunbookKit

/// Who a sandbox lets in, read the one way every run reads it: a group named in a
/// service's `opens_for` stands for its members, so the server only compares the person
/// the request's cookie names.
extension Sandbox {
    /// Hostname (lowercased) to the people it opens for, for the hosts that name any.
    public func peopleLetIn(groups: [String: Group]) -> [String: Set<String>] {
        var people: [String: Set<String>] = [:]
        for (host, names) in opensFor {
            people[host.lowercased(), default: []].formUnion(names.flatMap { groups[$0]?.members ?? [$0] })
        }
        return people
    }
}

extension ProbeAudience {
    /// The one person a sandbox host that opens for some people is asked about: the
    /// drill's reader. A rotation is several people, any of whom may be paged: it gets no
    /// one person, and `RotationReaders` asks such a host as each of its members.
    var sandboxPerson: String? {
        if case .reader(let name) = self { return name }
        return nil
    }
}
