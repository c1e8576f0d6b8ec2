import Foundation
import ProbeKit
import ProviderServers
import RunbookKit
import Synchronization
import Testing

/// GitHub teams as the group source: Link-header pagination and login matching.
@Suite struct ProviderGitHubTests {
    static let token = "ghp_team0token0example"

    static func directory(_ baseURL: String) throws -> Directory {
        try DirectoryLoader.parse("""
            rotations: {sre-primary: {members: [ana, ben]}}
            members:
              ana: {email: ana@corp.example, github: ana-gh}
              ben: {email: ben@corp.example, github: BenK}
            groups: {sre: [ana, ben]}
            grants: {"deploy:write": [sre]}
            providers:
              timeout: 8s
              github: {base_url: \(baseURL), org: corp, token_env: GITHUB_TOKEN, groups: {sre: sre-oncall}}
            """, file: "coldread.yaml")
    }

    @Test func followsLinkHeaderPaginationAndMatchesLogins() async throws {
        let pages = [[ProviderShapes.gitHubUser(login: "ana-gh", id: 101)],
                     [ProviderShapes.gitHubUser(login: "benk", id: 102), ProviderShapes.gitHubUser(login: "zed", id: 103)]]
        let box = ProviderBaseURL()
        let server = try await ProviderServer.start { request in
            guard request.path == "/orgs/corp/teams/sre-oncall/members" else { return .json(ProviderShapes.gitHubBadCredentials, status: 404) }
            let page = Int(request.first("page") ?? "1") ?? 1
            let base = box.value + "/orgs/corp/teams/sre-oncall/members?per_page=\(request.first("per_page") ?? "")"
            var links: [String] = []
            if page < pages.count { links.append(#"<\#(base)&page=\#(page + 1)>; rel="next""#) }
            links.append(#"<\#(base)&page=\#(pages.count)>; rel="last""#)
            return .json("[" + pages[page - 1].joined(separator: ",") + "]", headers: [("Link", links.joined(separator: ", "))])
        }
        box.value = server.baseURL
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["GITHUB_TOKEN": Self.token], scopes: [])

        #expect(access.groups["sre"]?.members == ["ana", "ben", "zed"])
        #expect(access.groups["sre"]?.unmatched == ["zed"])
        #expect(access.answer(member: "ben", scope: "deploy:write") == .held)
        #expect(server.requests.map { $0.first("page") } == [nil, "2"])
        #expect(server.requests.allSatisfy {
            $0.headers["authorization"] == "Bearer \(Self.token)" && $0.headers["accept"] == "application/vnd.github+json"
        })
    }

    @Test func anEmptyTeamListFallsBackToMembershipLookups() async throws {
        let server = try await ProviderServer.start { request in
            switch request.path {
            case "/orgs/corp/teams/sre-oncall/members": return .json("[]")
            case "/orgs/corp/teams/sre-oncall/memberships/ana-gh": return .json(ProviderShapes.gitHubMembership(login: "ana-gh", state: "active"))
            case "/orgs/corp/teams/sre-oncall/memberships/BenK": return .json(ProviderShapes.gitHubMembership(login: "BenK", state: "pending"))
            default: return .json(#"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}"#, status: 404)
            }
        }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["GITHUB_TOKEN": Self.token], scopes: [])
        #expect(access.answer(member: "ana", scope: "deploy:write") == .held)
        #expect(access.answer(member: "ben", scope: "deploy:write") == .notHeld, "a pending invitation is not membership")
        #expect(access.groups["sre"]?.provenance.detail == "team corp/sre-oncall (members by membership lookup)")
    }

    @Test func aWrongTokenLeavesTheTeamsScopesUnknown() async throws {
        let server = try await ProviderServer.start { _ in .json(ProviderShapes.gitHubBadCredentials, status: 401) }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["GITHUB_TOKEN": "bad"], scopes: [])
        guard case .unknown(let reason) = access.answer(member: "ana", scope: "deploy:write") else {
            Issue.record("a team GitHub could not list must not hold a scope")
            return
        }
        #expect(reason.contains("401") && reason.contains("GITHUB_TOKEN"))
    }
}

/// The server's own address, known only after it starts, for absolute `Link` targets.
final class ProviderBaseURL: Sendable {
    private let storage = Mutex("")
    var value: String {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
