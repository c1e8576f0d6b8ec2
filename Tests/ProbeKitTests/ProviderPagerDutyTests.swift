import Foundation
import ProbeKit
import ProviderServers
import RunbookKit
import Testing

/// PagerDuty as the rotation source: pagination, headers, and failures that leave every
/// answer unknown with a reason instead of held.
@Suite struct ProviderPagerDutyTests {
    static let token = "pd-token-3f9a1c"

    static func directory(_ baseURL: String, timeout: String = "1s") throws -> Directory {
        try DirectoryLoader.parse("""
            rotations: {sre-primary: {members: [ana]}}
            members:
              ana: {email: ana@corp.example}
              ben: {email: ben@corp.example}
              chidi: {email: chidi@corp.example}
            groups: {sre: [ana, ben, chidi]}
            grants: {"grafana:read": [sre]}
            providers:
              timeout: \(timeout)
              pagerduty:
                base_url: \(baseURL)
                token_env: PAGERDUTY_TOKEN
                rotations: {sre-primary: {schedule: PI7DH85}}
            """, file: "coldread.yaml")
    }

    @Test func followsOffsetPaginationUntilMoreIsFalseAndMatchesByEmail() async throws {
        let people = [("PXPGF42", "Ana", "ANA@corp.example"), ("PAM4FGS", "Ben", "ben@corp.example"),
                      ("P3S1PZL", "Chidi", "chidi@corp.example"), ("PZZ9XQ1", "Dana", "dana@elsewhere.example")]
        let server = try await ProviderServer.start { request in
            guard request.path == "/oncalls" else { return .json("{}", status: 404) }
            let offset = Int(request.first("offset") ?? "0") ?? 0
            let limit = 2
            let slice = people.dropFirst(offset).prefix(limit).enumerated().map { i, p in
                ProviderShapes.onCall(schedule: "PI7DH85", level: i + 1, user: ProviderShapes.pagerDutyUser(id: p.0, name: p.1, email: p.2))
            }
            return .json(ProviderShapes.onCallsPage(slice, limit: limit, offset: offset, more: offset + limit < people.count))
        }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["PAGERDUTY_TOKEN": Self.token], scopes: [])

        #expect(access.members(ofRotation: "sre-primary") == ["ana", "ben", "chidi", "dana@elsewhere.example"])
        #expect(access.isKnownMember("ben"))
        #expect(!access.isKnownMember("dana@elsewhere.example"))
        #expect(access.unmatchedRotationMembers.map(\.member) == ["dana@elsewhere.example"])
        let rotation = try #require(access.rotations["sre-primary"])
        #expect(rotation.provenance.source == .pagerduty && rotation.provenance.detail == "schedule PI7DH85" && rotation.provenance.fetchedAt != nil)

        let requests = server.requests
        #expect(requests.map { $0.first("offset") } == ["0", "2"])
        for request in requests {
            #expect(request.headers["authorization"] == "Token token=\(Self.token)")
            #expect(request.headers["accept"] == "application/vnd.pagerduty+json;version=2")
            #expect(request.query["schedule_ids[]"] == ["PI7DH85"])
            #expect(request.query["include[]"] == ["users"])
        }
        let formatter = ISO8601DateFormatter()
        let since = try #require(requests.first?.first("since").flatMap(formatter.date(from:)))
        let until = try #require(requests.first?.first("until").flatMap(formatter.date(from:)))
        #expect(Int(until.timeIntervalSince(since) / 86_400) == 90)
    }

    @Test func aWrongTokenIsUnknownWithAReasonNeverHeld() async throws {
        let server = try await ProviderServer.start { _ in .json(ProviderShapes.pagerDutyUnauthorized, status: 401) }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["PAGERDUTY_TOKEN": "wrong"], scopes: [])

        let members = try #require(access.members(ofRotation: "sre-primary"))
        #expect(members.first == "ana", "the file's members stay, plus a stand-in for whoever else is scheduled")
        let standIn = try #require(members.last)
        guard case .unknown(let reason) = access.answer(member: standIn, scope: "grafana:read") else {
            Issue.record("a rotation PagerDuty could not list must not hold a scope")
            return
        }
        #expect(reason.contains("401") && reason.contains("PAGERDUTY_TOKEN"))
        #expect(!reason.contains("wrong"))
    }

    @Test func aSlowServerHitsTheTimeout() async throws {
        let server = try await ProviderServer.start { _ in .never }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["PAGERDUTY_TOKEN": Self.token], scopes: [])
        let failure = try #require(access.rotations["sre-primary"]?.failure)
        #expect(failure.contains("did not answer") && failure.contains("1 s"))
    }

    @Test func aMissingTokenSendsNothingAndSaysWhich() async throws {
        let server = try await ProviderServer.start { _ in .json("{}") }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: [:], scopes: [])
        #expect(access.rotations["sre-primary"]?.failure == "PAGERDUTY_TOKEN is not set")
        #expect(server.requests.isEmpty)
    }

    @Test func aScheduleWithNoOneOnCallHoldsNothing() async throws {
        let server = try await ProviderServer.start { _ in .json(ProviderShapes.onCallsPage([], limit: 100, offset: 0, more: false)) }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["PAGERDUTY_TOKEN": Self.token], scopes: [])
        let standIn = try #require(access.members(ofRotation: "sre-primary")?.last)
        #expect(access.answer(member: standIn, scope: "grafana:read")
            == .unknown(reason: "PagerDuty schedule PI7DH85: no one is on call for schedule PI7DH85 in the next 90 days"))
    }

    @Test func aServerErrorIsUnknownNamingTheStatus() async throws {
        let server = try await ProviderServer.start { _ in .json(#"{"error": {"message": "Internal Server Error"}}"#, status: 503) }
        defer { Task { await server.stop() } }
        let access = await LiveAccess.prefetch(directory: try Self.directory(server.baseURL), environment: ["PAGERDUTY_TOKEN": Self.token], scopes: [])
        #expect(access.rotations["sre-primary"]?.failure?.contains("503") == true)
    }
}
