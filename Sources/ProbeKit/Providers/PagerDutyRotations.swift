import Foundation
import RunbookKit

/// Rotation members from PagerDuty: everyone on call for the rotation's schedule over a
/// window (default the next 90 days, so everyone who will be paged counts, not only who
/// holds the pager today). Uses `GET /oncalls?schedule_ids[]=…&include[]=users`, which
/// carries each user's email for matching, and follows `offset`/`limit` pagination
/// until `more` is false.
public struct PagerDutyRotations: RotationProvider {
    let settings: ProviderSettings.PagerDuty
    let http: Result<ProviderHTTP, ProviderFailure>
    let now: @Sendable () -> Date

    public func covers(rotation: String) -> Bool { settings.rotations[rotation] != nil }

    public func members(ofRotation rotation: String) async -> MemberListing {
        guard let schedule = settings.rotations[rotation] else {
            return .unmapped("rotation", named: rotation, in: .pagerduty, lacking: "schedule")
        }
        let fetchedAt = now()
        let provenance = Provenance(source: .pagerduty, detail: "schedule \(schedule)", fetchedAt: fetchedAt)
        do throws(ProviderFailure) {
            let api = try http.get()
            let people = try await onCallUsers(schedule: schedule, from: fetchedAt, http: api)
            // An empty rotation would hold every scope vacuously; nobody on call is a finding, not a pass.
            guard !people.isEmpty else {
                return MemberListing(outcome: .unknown(reason: "no one is on call for schedule \(schedule) in the next \(settings.windowDays) days"), provenance: provenance)
            }
            return MemberListing(outcome: .members(people), provenance: provenance)
        } catch {
            return MemberListing(outcome: .unknown(reason: error.reason), provenance: provenance)
        }
    }

    private func onCallUsers(schedule: String, from start: Date, http: ProviderHTTP) async throws(ProviderFailure) -> [ListedPerson] {
        let formatter = ISO8601DateFormatter()
        let since = formatter.string(from: start)
        let until = formatter.string(from: start.addingTimeInterval(Double(max(1, settings.windowDays)) * 86_400))
        var people: [ListedPerson] = []
        var seen = Set<String>()
        var offset = 0
        for _ in 0..<ProviderHTTP.maxPages {
            let url = http.url("/oncalls", query: [
                ("schedule_ids[]", schedule), ("include[]", "users"), ("since", since), ("until", until),
                ("limit", String(ProviderHTTP.pageSize)), ("offset", String(offset)),
            ])
            let (page, _) = try await http.getJSON(url, as: OnCallsPage.self)
            for entry in page.oncalls {
                guard let user = entry.user, seen.insert(user.id).inserted else { continue }
                people.append(ListedPerson(emails: user.email.map { [$0] } ?? [], sourceId: user.id))
            }
            guard page.more == true, !page.oncalls.isEmpty else { return people }
            offset += page.limit ?? page.oncalls.count
        }
        throw http.failure("PagerDuty kept saying more pages after \(ProviderHTTP.maxPages) pages of /oncalls")
    }
}

/// `GET /oncalls` response: a page of on-call entries and the pagination fields.
struct OnCallsPage: Decodable {
    struct Entry: Decodable {
        var user: User?
    }

    /// With `include[]=users` the user is the full user object, which has `email`.
    struct User: Decodable {
        var id: String
        var email: String?
    }

    var oncalls: [Entry]
    var limit: Int?
    var more: Bool?
}
