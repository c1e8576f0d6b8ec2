/// Live access sources configured in `coldread.yaml` under `providers:`. Tokens are
/// never stored here, only the names of the environment variables that hold them.
/// Only the loader fills these in, so the nested types keep their memberwise inits.
public struct ProviderSettings: Hashable, Sendable {
    public struct PagerDuty: Hashable, Sendable {
        public var baseURL = "https://api.pagerduty.com"
        public var tokenEnv = "PAGERDUTY_TOKEN"
        /// Rotation name to PagerDuty schedule id.
        public var rotations: [String: String] = [:]
        /// Days ahead whose on-call users count as rotation members.
        public var windowDays = 90
    }

    public struct SCIM: Hashable, Sendable {
        public var baseURL: String
        public var tokenEnv = "SCIM_TOKEN"
        /// Directory group names that SCIM is asked about (empty: every group in the file).
        public var groups: [String] = []
    }

    public struct GitHub: Hashable, Sendable {
        public var baseURL = "https://api.github.com"
        public var org: String
        public var tokenEnv = "GITHUB_TOKEN"
        /// Directory group name to team slug.
        public var groups: [String: String] = [:]
    }

    /// A scope pattern (`k8s:*`) and the argv template that checks it for a member.
    public struct CommandCheck: Hashable, Sendable {
        public var pattern: String
        public var argv: [String]
    }

    public var pagerduty: PagerDuty?
    public var scim: SCIM?
    public var github: GitHub?
    public var commands: [CommandCheck] = []
    /// Seconds before a provider request gives up.
    public var timeoutSeconds = 10

    /// No providers: what a directory without `providers:` has.
    public init() {}

    public var isEmpty: Bool { pagerduty == nil && scim == nil && github == nil && commands.isEmpty }
}
