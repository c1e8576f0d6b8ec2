/// Live access sources configured in `coldread.yaml` under `providers:`. Tokens are
/// never stored here, only the names of the environment variables that hold them.
public struct ProviderSettings: Hashable, Sendable {
    public struct PagerDuty: Hashable, Sendable {
        public var baseURL: String
        public var tokenEnv: String
        /// Rotation name to PagerDuty schedule id.
        public var rotations: [String: String]
        /// Days ahead whose on-call users count as rotation members.
        public var windowDays: Int
        public init(baseURL: String = "https://api.pagerduty.com", tokenEnv: String = "PAGERDUTY_TOKEN",
                    rotations: [String: String] = [:], windowDays: Int = 90) {
            self.baseURL = baseURL
            self.tokenEnv = tokenEnv
            self.rotations = rotations
            self.windowDays = windowDays
        }
    }

    public struct SCIM: Hashable, Sendable {
        public var baseURL: String
        public var tokenEnv: String
        /// Directory group names that SCIM is asked about (empty: every group in the file).
        public var groups: [String]
        public init(baseURL: String, tokenEnv: String = "SCIM_TOKEN", groups: [String] = []) {
            self.baseURL = baseURL
            self.tokenEnv = tokenEnv
            self.groups = groups
        }
    }

    public struct GitHub: Hashable, Sendable {
        public var baseURL: String
        public var org: String
        public var tokenEnv: String
        /// Directory group name to team slug.
        public var groups: [String: String]
        public init(baseURL: String = "https://api.github.com", org: String, tokenEnv: String = "GITHUB_TOKEN",
                    groups: [String: String] = [:]) {
            self.baseURL = baseURL
            self.org = org
            self.tokenEnv = tokenEnv
            self.groups = groups
        }
    }

    /// A scope pattern (`k8s:*`) and the argv template that checks it for a member.
    public struct CommandCheck: Hashable, Sendable {
        public var pattern: String
        public var argv: [String]
        public init(pattern: String, argv: [String]) {
            self.pattern = pattern
            self.argv = argv
        }
    }

    public var pagerduty: PagerDuty?
    public var scim: SCIM?
    public var github: GitHub?
    public var commands: [CommandCheck]
    /// Seconds before a provider request gives up.
    public var timeoutSeconds: Int

    public init(pagerduty: PagerDuty? = nil, scim: SCIM? = nil, github: GitHub? = nil,
                commands: [CommandCheck] = [], timeoutSeconds: Int = 10) {
        self.pagerduty = pagerduty
        self.scim = scim
        self.github = github
        self.commands = commands
        self.timeoutSeconds = timeoutSeconds
    }

    public var isEmpty: Bool { pagerduty == nil && scim == nil && github == nil && commands.isEmpty }
}
