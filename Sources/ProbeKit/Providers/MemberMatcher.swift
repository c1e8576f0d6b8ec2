import RunbookKit

/// Maps people as live sources list them to directory member names: by email (any of
/// the person's emails against `members: {name: {email}}`), then by GitHub login
/// (`members: {name: {github}}`, or a member named like the login). A person no one
/// matches is kept under their email (or login, or source id) and is an unknown member.
struct MemberMatcher: Sendable {
    let directory: Directory

    struct Match: Hashable, Sendable {
        var name: String
        var matched: Bool
    }

    func match(_ person: ListedPerson, source: Provenance.Source) -> Match {
        if let name = person.name { return Match(name: name, matched: true) }
        for email in person.emails {
            if let name = directory.member(byEmail: email) { return Match(name: name, matched: true) }
        }
        if let login = person.login {
            if let name = directory.member(byGitHubLogin: login) { return Match(name: name, matched: true) }
            if directory.members[login] != nil { return Match(name: login, matched: true) }
        }
        let key = person.emails.first?.lowercased() ?? person.login ?? "\(source.rawValue):\(person.sourceId ?? "?")"
        return Match(name: key, matched: false)
    }
}
