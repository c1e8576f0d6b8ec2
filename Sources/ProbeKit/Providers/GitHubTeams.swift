import Foundation
import RunbookKit

/// Group members from GitHub teams: `GET /orgs/{org}/teams/{slug}/members`, following
/// the `Link: <…>; rel="next"` header (only on GitHub's own origin, so the token never
/// travels elsewhere). Team members are logins; they match directory members by the
/// member's `github` login, a public email, or a member named like the login.
/// A team that lists no members (a secret team the token cannot enumerate, say) falls
/// back to asking `GET /orgs/{org}/teams/{slug}/memberships/{username}` for each known
/// login (`members: {name: {github}}`); only an `active` membership counts.
public struct GitHubTeams: GroupProvider {
    let settings: ProviderSettings.GitHub
    let http: Result<ProviderHTTP, ProviderFailure>
    /// Logins worth a membership lookup when a team lists no members.
    let candidateLogins: [String]
    let now: @Sendable () -> Date

    public func covers(group: String) -> Bool { settings.groups[group] != nil }

    public func members(ofGroup group: String) async -> MemberListing {
        guard let slug = settings.groups[group] else {
            return .unmapped("group", named: group, in: .github, lacking: "team")
        }
        let provenance = Provenance(source: .github, detail: "team \(settings.org)/\(slug)", fetchedAt: now())
        do throws(ProviderFailure) {
            let api = try http.get()
            var people: [ListedPerson] = []
            var next: String? = api.url(teamPath(slug) + "/members", query: [("per_page", String(ProviderHTTP.pageSize))])
            var pages = 0
            while let url = next {
                pages += 1
                guard pages <= ProviderHTTP.maxPages else { throw api.failure("GitHub kept linking to more pages after \(ProviderHTTP.maxPages) pages") }
                let (users, response) = try await api.getJSON(url, as: [GitHubUser].self)
                people += users.map { ListedPerson(emails: $0.email.map { [$0] } ?? [], login: $0.login, sourceId: String($0.id)) }
                next = LinkHeader.next(response.headers["Link"].joined(separator: ", "))
                if let n = next, !api.isOwnOrigin(n) {
                    throw api.failure("GitHub linked the next page of \(teamPath(slug))/members to another host; not following it with the token")
                }
            }
            if people.isEmpty, !candidateLogins.isEmpty {
                var fallback = provenance
                fallback.detail += " (members by membership lookup)"
                return MemberListing(outcome: .members(try await membersByLookup(api, slug: slug)), provenance: fallback)
            }
            return MemberListing(outcome: .members(people), provenance: provenance)
        } catch {
            return MemberListing(outcome: .unknown(reason: error.reason), provenance: provenance)
        }
    }

    /// Candidates whose team membership is `active`; a 404 means not a member.
    private func membersByLookup(_ api: ProviderHTTP, slug: String) async throws(ProviderFailure) -> [ListedPerson] {
        var people: [ListedPerson] = []
        for login in candidateLogins {
            let response = try await api.get(api.url(teamPath(slug) + "/memberships/" + ProviderHTTP.encode(login)), accept: [200, 404])
            guard response.status.code == 200 else { continue }
            guard let membership = try? JSONDecoder().decode(GitHubMembership.self, from: response.body) else {
                throw api.failure("GitHub sent a membership for \(login) that is not the expected JSON")
            }
            if membership.state == "active" { people.append(ListedPerson(login: login)) }
        }
        return people
    }

    private func teamPath(_ slug: String) -> String {
        "/orgs/" + ProviderHTTP.encode(settings.org) + "/teams/" + ProviderHTTP.encode(slug)
    }
}

/// GitHub's simple user (the parts used here). `email` is only set when public.
struct GitHubUser: Decodable {
    var login: String
    var id: Int
    var email: String?
}

/// `GET /orgs/{org}/teams/{slug}/memberships/{username}`.
struct GitHubMembership: Decodable {
    var state: String
}

/// RFC 8288 `Link` header parsing, for GitHub's page links.
enum LinkHeader {
    /// The target of the link whose `rel` includes `next`, or nil.
    static func next(_ header: String) -> String? {
        for part in splitLinks(header) {
            guard let open = part.firstIndex(of: "<"), let close = part[open...].firstIndex(of: ">") else { continue }
            let target = String(part[part.index(after: open)..<close])
            let params = part[part.index(after: close)...].split(separator: ";")
            for param in params {
                let pair = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                let rels = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased().split(separator: " ")
                if rels.contains("next") { return target }
            }
        }
        return nil
    }

    /// Splits on commas outside `<…>`, since URLs may hold commas.
    private static func splitLinks(_ header: String) -> [Substring] {
        var parts: [Substring] = []
        var start = header.startIndex
        var inTarget = false
        for i in header.indices {
            switch header[i] {
            case "<": inTarget = true
            case ">": inTarget = false
            case "," where !inTarget:
                parts.append(header[start..<i])
                start = header.index(after: i)
            default: break
            }
        }
        parts.append(header[start...])
        return parts
    }
}
