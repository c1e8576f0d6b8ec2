import Foundation

/// PagerDuty and SCIM served on loopback for whole-command tests: `lint` and `access` in
/// ProbeKitTests, the drill in ColdReadTests. PagerDuty puts ana and ben on call for
/// schedule PI7DH85 (plus `alsoOnCall`); SCIM's group `sre` holds only ana, though the
/// directory lists ana, ben and chidi in it.
public enum LoopbackProviders {
    public static let pdToken = "pd-secret-41c7e2d9"
    public static let scimToken = "scim-secret-9b0a55f3"
    public static let tokens = ["PAGERDUTY_TOKEN": pdToken, "SCIM_TOKEN": scimToken]

    public static func start(alsoOnCall: [String] = []) async throws -> (pd: ProviderServer, scim: ProviderServer) {
        let pd = try await ProviderServer.start { request in
            guard request.headers["authorization"] == "Token token=\(pdToken)" else { return .json(ProviderShapes.pagerDutyUnauthorized, status: 401) }
            let onCall = [("PXPGF42", "ana@corp.example"), ("PAM4FGS", "ben@corp.example")] + alsoOnCall.enumerated().map { ("PX\($0.offset)", $0.element) }
            return .json(ProviderShapes.onCallsPage(onCall.map {
                ProviderShapes.onCall(schedule: "PI7DH85", level: 1, user: ProviderShapes.pagerDutyUser(id: $0.0, name: $0.1, email: $0.1))
            }, limit: 25, offset: 0, more: false))
        }
        let scim = try await ProviderServer.start { request in
            guard request.headers["authorization"] == "Bearer \(scimToken)" else { return .json(ProviderShapes.scimUnauthorized, status: 401) }
            switch request.path {
            case "/Groups":
                return .json(ProviderShapes.scimList([ProviderShapes.scimGroup(id: "g-sre", displayName: "sre", members: [("u-ana", "Ana")])], total: 1, startIndex: 1))
            case "/Users/u-ana": return .json(ProviderShapes.scimUser(id: "u-ana", userName: "ana@corp.example", email: "ana@corp.example"))
            default: return .json("{}", status: 404)
            }
        }
        return (pd, scim)
    }

    /// coldread.yaml with both providers configured: `grafana:read` is granted to `sre`.
    public static func directory(pd: String, scim: String) -> String {
        """
        rotations: {sre-primary: {members: [ana]}}
        members:
          ana: {email: ana@corp.example}
          ben: {email: ben@corp.example}
          chidi: {email: chidi@corp.example}
        groups: {sre: [ana, ben, chidi]}
        grants: {"grafana:read": [sre]}
        providers:
          timeout: 1s
          pagerduty: {base_url: "\(pd)", token_env: PAGERDUTY_TOKEN, rotations: {sre-primary: {schedule: PI7DH85}}}
          scim: {base_url: "\(scim)", token_env: SCIM_TOKEN, groups: [sre]}
        """
    }

    /// A one-step runbook of rotation sre-primary whose step needs `grafana:read`.
    public static let dashRunbook = """
        ---
        rotation: sre-primary
        ---
        # Dashboards
        ## Steps
        1. Open the dashboard. <!-- coldread scopes: [grafana:read] -->
        """
}
