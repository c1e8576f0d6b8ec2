import Foundation
import ProbeKit
import ProviderServers
import RunbookKit
import Testing

/// SCIM 2.0 as the group source: ListResponse pagination, the user-lookup fallback for
/// services that leave group `members` empty, and email matching across PagerDuty.
@Suite struct ProviderSCIMTests {
    static let token = "scim-token-77b2e0"

    static func directory(scim: String, pagerduty: String? = nil) throws -> Directory {
        try DirectoryLoader.parse("""
            rotations: {sre-primary: {members: [ana, ben]}}
            members:
              ana: {email: ana@corp.example}
              ben: {email: ben@corp.example}
              chidi: {email: chidi@corp.example}
            groups: {sre: [ana, ben, chidi], ai-platform: [dmitri]}
            grants: {"grafana:read": [sre], "traces:read": [ai-platform]}
            providers:
              timeout: 8s
              scim: {base_url: \(scim), token_env: SCIM_TOKEN, groups: [sre]}
            \(pagerduty.map { "  pagerduty: {base_url: \($0), rotations: {sre-primary: {schedule: PI7DH85}}}" } ?? "")
            """, file: "coldread.yaml")
    }

    /// Entra ID allows two groups with one display name: both are read, across pages.
    @Test func followsStartIndexPaginationAcrossPages() async throws {
        let groups = [ProviderShapes.scimGroup(id: "g-1", displayName: "sre", members: [("u-ana", "Ana")]),
                      ProviderShapes.scimGroup(id: "g-2", displayName: "sre", members: [("u-chidi", "Chidi")])]
        let server = try await ProviderServer.start { request in
            switch request.path {
            case "/Groups":
                let start = Int(request.first("startIndex") ?? "1") ?? 1
                return .json(ProviderShapes.scimList(Array(groups.dropFirst(start - 1).prefix(1)), total: groups.count, startIndex: start))
            case "/Users/u-ana": return .json(ProviderShapes.scimUser(id: "u-ana", userName: "ana@corp.example", email: "ana@corp.example"))
            case "/Users/u-chidi": return .json(ProviderShapes.scimUser(id: "u-chidi", userName: "chidi", email: "Chidi@Corp.example"))
            default: return .json(ProviderShapes.scimUnauthorized, status: 404)
            }
        }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(scim: server.baseURL), environment: ["SCIM_TOKEN": Self.token], scopes: [])

        #expect(access.groups["sre"]?.members == ["ana", "chidi"])
        #expect(access.answer(member: "chidi", scope: "grafana:read") == .held)
        #expect(access.answer(member: "ben", scope: "grafana:read") == .notHeld, "SCIM overrides the file's sre list")
        #expect(access.groups["ai-platform"]?.provenance.source == .file, "groups SCIM does not cover come from the file")
        let groupRequests = server.requests.filter { $0.path == "/Groups" }
        #expect(groupRequests.map { $0.first("startIndex") } == ["1", "2"])
        #expect(groupRequests.allSatisfy { $0.first("filter") == #"displayName eq "sre""# })
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })
    }

    @Test func emptyGroupMembersFallBackToUserLookup() async throws {
        let server = try await ProviderServer.start { request in
            switch request.path {
            case "/Groups":
                return .json(ProviderShapes.scimList([ProviderShapes.scimGroup(id: "g-sre", displayName: "sre", members: nil)], total: 1, startIndex: 1))
            case "/Users":
                let filter = request.first("filter") ?? ""
                if filter == #"userName eq "ana@corp.example""# {
                    return .json(ProviderShapes.scimList([ProviderShapes.scimUser(id: "u-ana", userName: "ana@corp.example", email: "ana@corp.example",
                                                                                 groups: [("g-sre", "sre")])], total: 1, startIndex: 1))
                }
                if filter == #"emails.value eq "ben@corp.example""# {
                    return .json(ProviderShapes.scimList([ProviderShapes.scimUser(id: "u-ben", userName: "bkowalski", email: "ben@corp.example",
                                                                                 groups: [("g-other", "payments")])], total: 1, startIndex: 1))
                }
                return .json(ProviderShapes.scimList([], total: 0, startIndex: 1))
            default: return .json("{}", status: 404)
            }
        }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(scim: server.baseURL), environment: ["SCIM_TOKEN": Self.token], scopes: [])

        #expect(access.groups["sre"]?.members == ["ana"])
        #expect(access.groups["sre"]?.provenance.detail.contains("user lookup") == true)
        #expect(access.answer(member: "ana", scope: "grafana:read") == .held)
        #expect(access.answer(member: "ben", scope: "grafana:read") == .notHeld)
        let filters = server.requests.filter { $0.path == "/Users" }.compactMap { $0.first("filter") }
        #expect(filters.contains(#"userName eq "ben@corp.example""#) && filters.contains(#"emails.value eq "ben@corp.example""#))
    }

    @Test func aPagerDutyUserAndASCIMUserMatchByEmail() async throws {
        let pd = try await ProviderServer.start { _ in
            .json(ProviderShapes.onCallsPage([
                ProviderShapes.onCall(schedule: "PI7DH85", level: 1, user: ProviderShapes.pagerDutyUser(id: "PAM4FGS", name: "Ben K", email: "Ben@Corp.Example")),
                ProviderShapes.onCall(schedule: "PI7DH85", level: 2, user: ProviderShapes.pagerDutyUser(id: "PXPGF42", name: "Eve", email: "eve@contractor.example")),
            ], limit: 25, offset: 0, more: false))
        }
        defer { Task { await pd.stop() } }
        let scim = try await ProviderServer.start { request in
            switch request.path {
            case "/Groups":
                return .json(ProviderShapes.scimList([ProviderShapes.scimGroup(id: "g-sre", displayName: "sre", members: [("u-ben", "Ben K"), ("u-eve", "Eve")])],
                                                     total: 1, startIndex: 1))
            case "/Users/u-ben": return .json(ProviderShapes.scimUser(id: "u-ben", userName: "bkowalski", email: "ben@corp.example"))
            case "/Users/u-eve": return .json(ProviderShapes.scimUser(id: "u-eve", userName: "eve", email: "eve@contractor.example"))
            default: return .json("{}", status: 404)
            }
        }
        defer { Task { await scim.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(scim: scim.baseURL, pagerduty: pd.baseURL),
                                               environment: ["SCIM_TOKEN": Self.token, "PAGERDUTY_TOKEN": "pd"], scopes: [])

        #expect(access.members(ofRotation: "sre-primary") == ["ben", "eve@contractor.example"])
        #expect(access.answer(member: "ben", scope: "grafana:read") == .held)
        #expect(access.answer(member: "eve@contractor.example", scope: "grafana:read") == .held,
                "an unmatched person is still one person across sources, keyed by email")
        #expect(!access.isKnownMember("eve@contractor.example"))
    }

    @Test func aWrongTokenLeavesTheGroupsScopesUnknown() async throws {
        let server = try await ProviderServer.start { _ in .json(ProviderShapes.scimUnauthorized, status: 401) }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(scim: server.baseURL), environment: ["SCIM_TOKEN": "nope-nope"], scopes: [])
        guard case .unknown(let reason) = access.answer(member: "ana", scope: "grafana:read") else {
            Issue.record("a group SCIM could not read must not hold a scope")
            return
        }
        #expect(reason.contains("SCIM") && reason.contains("401") && reason.contains("SCIM_TOKEN"))
        #expect(access.answer(member: "dmitri", scope: "traces:read") == .held, "the file still answers what SCIM does not cover")
    }
}
