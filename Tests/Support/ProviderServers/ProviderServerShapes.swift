import Foundation

/// Response bodies in the shapes the providers' published references show: PagerDuty's
/// "List all of the on-calls" example (with `include[]=users`, so `user` is a full user
/// object), RFC 7644 §3.4.2 ListResponse around RFC 7643 §8 Group and User examples, and
/// GitHub's REST "simple user" and team membership objects. Only names, ids and emails
/// vary per test.
public enum ProviderShapes {
    // MARK: PagerDuty

    public static func pagerDutyUser(id: String, name: String, email: String) -> String {
        """
        {"id": "\(id)", "type": "user", "name": "\(name)", "summary": "\(name)", "email": "\(email)",
         "time_zone": "America/Lima", "color": "green", "role": "admin", "avatar_url": "https://secure.gravatar.com/avatar/1?d=mm",
         "description": "", "invitation_sent": false, "job_title": "Engineer",
         "self": "https://api.pagerduty.com/users/\(id)", "html_url": "https://subdomain.pagerduty.com/users/\(id)"}
        """
    }

    public static func onCall(schedule: String, level: Int, user: String) -> String {
        """
        {"escalation_policy": {"id": "PT20YPA", "type": "escalation_policy_reference", "summary": "Engineering Escalation Policy",
           "self": "https://api.pagerduty.com/escalation_policies/PT20YPA", "html_url": "https://subdomain.pagerduty.com/escalation_policies/PT20YPA"},
         "escalation_level": \(level),
         "schedule": {"id": "\(schedule)", "type": "schedule_reference", "summary": "Daily Engineering Rotation",
           "self": "https://api.pagerduty.com/schedules/\(schedule)", "html_url": "https://subdomain.pagerduty.com/schedules/\(schedule)"},
         "user": \(user),
         "start": "2015-03-06T15:28:51-05:00", "end": "2015-03-07T15:28:51-05:00"}
        """
    }

    public static func onCallsPage(_ entries: [String], limit: Int, offset: Int, more: Bool) -> String {
        #"{"oncalls": [\#(entries.joined(separator: ","))], "limit": \#(limit), "offset": \#(offset), "more": \#(more), "total": null}"#
    }

    public static let pagerDutyUnauthorized = #"{"error": {"message": "Unauthorized", "code": 2006}}"#

    // MARK: SCIM (RFC 7643, RFC 7644)

    public static func scimList(_ resources: [String], total: Int, startIndex: Int) -> String {
        """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": \(total),
         "itemsPerPage": \(resources.count), "startIndex": \(startIndex), "Resources": [\(resources.joined(separator: ","))]}
        """
    }

    public static func scimGroup(id: String, displayName: String, members: [(id: String, display: String)]?) -> String {
        let list = members.map { m in
            ", \"members\": [" + m.map { #"{"value": "\#($0.id)", "$ref": "https://example.com/v2/Users/\#($0.id)", "display": "\#($0.display)"}"# }
                .joined(separator: ",") + "]"
        } ?? ""
        return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "\(id)", "displayName": "\(displayName)",
         "meta": {"resourceType": "Group", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z",
                  "version": "W\\/\\"3694e05e9dff592\\"", "location": "https://example.com/v2/Groups/\(id)"}\(list)}
        """
    }

    public static func scimUser(id: String, userName: String, email: String, groups: [(id: String, display: String)] = []) -> String {
        let groupList = groups.map { #"{"value": "\#($0.id)", "$ref": "https://example.com/v2/Groups/\#($0.id)", "display": "\#($0.display)", "type": "direct"}"# }
            .joined(separator: ",")
        return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "\(id)", "externalId": "\(userName)", "userName": "\(userName)",
         "name": {"formatted": "\(userName)", "familyName": "Jensen", "givenName": "Barbara"},
         "emails": [{"value": "\(email)", "type": "work", "primary": true}],
         "groups": [\(groupList)],
         "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z",
                  "version": "W\\/\\"a330bc54f0671c9\\"", "location": "https://example.com/v2/Users/\(id)"}}
        """
    }

    public static let scimUnauthorized = #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "detail": "Authorization failure. The authorization header is invalid or missing.", "status": "401"}"#

    // MARK: GitHub REST

    public static func gitHubUser(login: String, id: Int) -> String {
        """
        {"login": "\(login)", "id": \(id), "node_id": "MDQ6VXNlcjE=", "avatar_url": "https://github.com/images/error/\(login)_happy.gif",
         "gravatar_id": "", "url": "https://api.github.com/users/\(login)", "html_url": "https://github.com/\(login)",
         "followers_url": "https://api.github.com/users/\(login)/followers", "type": "User", "site_admin": false}
        """
    }

    public static func gitHubMembership(login: String, state: String) -> String {
        #"{"url": "https://api.github.com/teams/1/memberships/\#(login)", "role": "member", "state": "\#(state)"}"#
    }

    public static let gitHubBadCredentials = #"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}"#
}
