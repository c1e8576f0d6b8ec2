import AsyncHTTPClient
import Foundation
import RunbookKit

/// The live sources `providers:` configures, each with its token read from the
/// environment variable the config names (or the failure that it is not set) and the
/// headers its API expects. The token lives only inside each source's HTTP settings.
struct LiveSources {
    let pagerduty: PagerDutyRotations?
    let github: GitHubTeams?
    private let makeSCIM: (_ candidateEmails: [String]) -> SCIMGroups?

    init(directory: Directory, client: HTTPClient, environment: [String: String], now: @escaping @Sendable () -> Date) {
        let settings = directory.providers
        func http(_ provider: String, _ baseURL: String, _ tokenEnv: String, _ headers: (String) -> [(String, String)]) -> Result<ProviderHTTP, ProviderFailure> {
            guard let token = environment[tokenEnv], !token.isEmpty else { return .failure(.missingToken(tokenEnv)) }
            return .success(ProviderHTTP(provider: provider, client: client, baseURL: baseURL, headers: headers(token) + [("User-Agent", "coldread")],
                                         token: token, tokenEnv: tokenEnv, timeoutSeconds: settings.timeoutSeconds))
        }
        pagerduty = settings.pagerduty.map { pd in
            PagerDutyRotations(settings: pd, http: http("PagerDuty", pd.baseURL, pd.tokenEnv) {
                [("Authorization", "Token token=\($0)"), ("Accept", "application/vnd.pagerduty+json;version=2")]
            }, now: now)
        }
        github = settings.github.map { g in
            GitHubTeams(settings: g, http: http("GitHub", g.baseURL, g.tokenEnv) {
                [("Authorization", "Bearer \($0)"), ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28")]
            }, candidateLogins: directory.members.values.compactMap(\.github).sorted(), now: now)
        }
        let scimHTTP = settings.scim.map { s in
            (s, http("SCIM", s.baseURL, s.tokenEnv) { [("Authorization", "Bearer \($0)"), ("Accept", "application/scim+json")] })
        }
        let fileGroups = Set(directory.groups.keys)
        makeSCIM = { emails in
            scimHTTP.map { SCIMGroups(settings: $0.0, http: $0.1, fileGroups: fileGroups, candidateEmails: emails, now: now) }
        }
    }

    /// SCIM needs the people worth a user lookup, known only once rotations are fetched.
    func scim(candidateEmails: [String]) -> SCIMGroups? { makeSCIM(candidateEmails) }
}
