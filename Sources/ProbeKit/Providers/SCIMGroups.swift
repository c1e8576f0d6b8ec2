import Foundation
import RunbookKit

/// Group members from a SCIM 2.0 service (RFC 7644; Okta, Entra ID, …). A group is found
/// with `GET /Groups?filter=displayName eq "NAME"`, following `startIndex`/`count`
/// pagination; its `members` are resolved to emails with `GET /Users/{id}`. Some
/// services return groups with empty `members` (to spare the payload): then each
/// candidate person is looked up with `GET /Users?filter=userName eq "…"` (or
/// `emails.value eq "…"`) and counted when the user's `groups` name the group.
public struct SCIMGroups: GroupProvider {
    let settings: ProviderSettings.SCIM
    let http: Result<ProviderHTTP, ProviderFailure>
    /// Groups SCIM answers for: `scim.groups`, or every group in the file when empty.
    let coveredGroups: Set<String>
    /// Emails of people worth a user lookup when a group lists no members.
    let candidateEmails: [String]
    let users: SCIMUserCache
    let now: @Sendable () -> Date

    init(settings: ProviderSettings.SCIM, http: Result<ProviderHTTP, ProviderFailure>, fileGroups: Set<String>,
         candidateEmails: [String], now: @escaping @Sendable () -> Date) {
        self.settings = settings
        self.http = http
        coveredGroups = settings.groups.isEmpty ? fileGroups : Set(settings.groups)
        self.candidateEmails = candidateEmails
        users = SCIMUserCache()
        self.now = now
    }

    public func covers(group: String) -> Bool { coveredGroups.contains(group) }

    public func members(ofGroup group: String) async -> MemberListing {
        let provenance = Provenance(source: .scim, detail: "group \"\(group)\"", fetchedAt: now())
        do throws(ProviderFailure) {
            let api = try http.get()
            let matches = try await list(api, "/Groups", filter: "displayName eq \(Self.quoted(group))", as: SCIMGroup.self)
                .filter { $0.displayName.caseInsensitiveCompare(group) == .orderedSame }
            guard !matches.isEmpty else {
                return MemberListing(outcome: .unknown(reason: "SCIM has no group named \"\(group)\" at \(api.baseURL)"), provenance: provenance)
            }
            let listed = matches.flatMap { $0.members ?? [] }.filter { ($0.type ?? "User").caseInsensitiveCompare("User") == .orderedSame }
            if listed.isEmpty {
                let ids = Set(matches.map(\.id))
                var fallback = provenance
                fallback.detail += " (members by user lookup)"
                return MemberListing(outcome: .members(try await membersByUserLookup(api, group: group, groupIds: ids)), provenance: fallback)
            }
            var people: [ListedPerson] = []
            for member in listed {
                people.append(try await person(api, id: member.value))
            }
            return MemberListing(outcome: .members(people), provenance: provenance)
        } catch {
            return MemberListing(outcome: .unknown(reason: error.reason), provenance: provenance)
        }
    }

    /// The user behind a group member, fetched once per run.
    private func person(_ http: ProviderHTTP, id: String) async throws(ProviderFailure) -> ListedPerson {
        if let known = await users.user(id) { return known.person }
        let (user, _) = try await http.getJSON(http.url("/Users/" + ProviderHTTP.encode(id)), as: SCIMUser.self)
        await users.store(user)
        return user.person
    }

    private func membersByUserLookup(_ http: ProviderHTTP, group: String, groupIds: Set<String>) async throws(ProviderFailure) -> [ListedPerson] {
        var people: [ListedPerson] = []
        var seen = Set<String>()
        for email in candidateEmails {
            var found = try await list(http, "/Users", filter: "userName eq \(Self.quoted(email))", as: SCIMUser.self)
            if found.isEmpty {
                found = try await list(http, "/Users", filter: "emails.value eq \(Self.quoted(email))", as: SCIMUser.self)
            }
            for user in found where seen.insert(user.id).inserted {
                await users.store(user)
                let inGroup = (user.groups ?? []).contains {
                    groupIds.contains($0.value) || ($0.display?.caseInsensitiveCompare(group) == .orderedSame)
                }
                if inGroup { people.append(user.person) }
            }
        }
        return people
    }

    /// Every resource a filtered query returns, page by page (`startIndex` is 1-based).
    private func list<R: Decodable>(_ http: ProviderHTTP, _ path: String, filter: String, as type: R.Type) async throws(ProviderFailure) -> [R] {
        var all: [R] = []
        var start = 1
        for _ in 0..<ProviderHTTP.maxPages {
            let url = http.url(path, query: [("filter", filter), ("startIndex", String(start)), ("count", String(ProviderHTTP.pageSize))])
            let (page, _) = try await http.getJSON(url, as: SCIMListResponse<R>.self)
            let resources = page.Resources ?? []
            all += resources
            if resources.isEmpty || start - 1 + resources.count >= page.totalResults { return all }
            start += resources.count
        }
        throw http.failure("SCIM kept returning pages of \(path) after \(ProviderHTTP.maxPages) pages")
    }

    /// A SCIM filter string literal (RFC 7644 §3.4.2.2): JSON string rules.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Users already fetched this run, so a person in several groups is fetched once.
actor SCIMUserCache {
    private var byId: [String: SCIMUser] = [:]

    func user(_ id: String) -> SCIMUser? { byId[id] }

    func store(_ user: SCIMUser) { byId[user.id] = user }
}

/// RFC 7644 §3.4.2 ListResponse.
struct SCIMListResponse<R: Decodable>: Decodable {
    var totalResults: Int
    var Resources: [R]?
}

/// RFC 7643 §4.2 Group (the parts used here).
struct SCIMGroup: Decodable {
    var id: String
    var displayName: String
    var members: [SCIMReference]?
}

/// A multi-valued reference: a group's member, or a user's group.
struct SCIMReference: Decodable {
    var value: String
    var display: String?
    var type: String?
}

/// RFC 7643 §4.1 User (the parts used here).
struct SCIMUser: Decodable, Sendable {
    struct Email: Decodable, Sendable {
        var value: String
        var primary: Bool?
    }

    var id: String
    var userName: String
    var emails: [Email]?
    var groups: [SCIMGroupRef]?

    /// Primary email first; a `userName` that is an email counts as one.
    var person: ListedPerson {
        var all = (emails ?? []).sorted { ($0.primary ?? false) && !($1.primary ?? false) }.map(\.value)
        if userName.contains("@"), !all.contains(where: { $0.caseInsensitiveCompare(userName) == .orderedSame }) { all.append(userName) }
        return ListedPerson(emails: all, login: userName.contains("@") ? nil : userName, sourceId: id)
    }
}

/// A user's group, as listed in the user's `groups` attribute.
struct SCIMGroupRef: Decodable, Sendable {
    var value: String
    var display: String?
}
