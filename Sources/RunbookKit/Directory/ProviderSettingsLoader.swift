/// Reads `providers:` from `coldread.yaml`: one reader per provider, each collecting
/// every problem it finds into the sink.
enum ProviderSettingsLoader {
    static func parse(_ value: YAMLValue, _ sink: ErrorSink) -> ProviderSettings {
        var settings = ProviderSettings()
        for (key, kl, v) in value.mapping(sink) ?? [] {
            switch key {
            case "pagerduty": settings.pagerduty = pagerDuty(v, sink)
            case "scim": settings.scim = scim(v, sink)
            case "github": settings.github = gitHub(v, sink)
            case "commands": settings.commands += commands(v, sink)
            case "timeout":
                settings.timeoutSeconds = v.durationSeconds(sink, what: "timeout") ?? settings.timeoutSeconds
            default:
                sink.add(kl, expected: "pagerduty, scim, github, commands or timeout", found: "'\(key)'")
            }
        }
        return settings
    }

    private static func pagerDuty(_ v: YAMLValue, _ sink: ErrorSink) -> ProviderSettings.PagerDuty {
        var pd = ProviderSettings.PagerDuty()
        for (k, l, x) in v.mapping(sink) ?? [] {
            switch k {
            case "base_url": pd.baseURL = x.string(sink) ?? pd.baseURL
            case "token_env": pd.tokenEnv = x.string(sink) ?? pd.tokenEnv
            case "window_days": pd.windowDays = x.int(sink, in: 1...365, what: "window_days") ?? pd.windowDays
            case "rotations": pd.rotations.merge(scheduleIds(x, sink)) { _, new in new }
            default: sink.add(l, expected: "base_url, token_env, window_days or rotations", found: "'\(k)'")
            }
        }
        return pd
    }

    /// `rotations: {name: ID}` or `{name: {schedule: ID}}`: each rotation's PagerDuty schedule.
    private static func scheduleIds(_ x: YAMLValue, _ sink: ErrorSink) -> [String: String] {
        var ids: [String: String] = [:]
        for (name, _, r) in x.mapping(sink) ?? [] {
            guard case .mapping = r.node else {
                if let id = r.string(sink, expected: "{schedule: ID}") { ids[name] = id }
                continue
            }
            for (rk, rkl, rv) in r.mapping(sink) ?? [] {
                if rk == "schedule" { ids[name] = rv.string(sink) }
                else { sink.add(rkl, expected: "schedule", found: "'\(rk)'") }
            }
        }
        return ids
    }

    private static func scim(_ v: YAMLValue, _ sink: ErrorSink) -> ProviderSettings.SCIM? {
        var baseURL: String?, tokenEnv = "SCIM_TOKEN", groups: [String] = []
        for (k, l, x) in v.mapping(sink) ?? [] {
            switch k {
            case "base_url": baseURL = x.string(sink)
            case "token_env": tokenEnv = x.string(sink) ?? tokenEnv
            case "groups": groups = (x.stringList(sink) ?? []).map(\.0)
            default: sink.add(l, expected: "base_url, token_env or groups", found: "'\(k)'")
            }
        }
        guard let baseURL else {
            sink.add(v.location, expected: "scim.base_url", found: "none", hint: "the SCIM 2.0 endpoint, e.g. https://idp.example/scim/v2")
            return nil
        }
        return .init(baseURL: baseURL, tokenEnv: tokenEnv, groups: groups)
    }

    private static func gitHub(_ v: YAMLValue, _ sink: ErrorSink) -> ProviderSettings.GitHub? {
        var baseURL = "https://api.github.com", org: String?, tokenEnv = "GITHUB_TOKEN", groups: [String: String] = [:]
        for (k, l, x) in v.mapping(sink) ?? [] {
            switch k {
            case "base_url": baseURL = x.string(sink) ?? baseURL
            case "org": org = x.string(sink)
            case "token_env": tokenEnv = x.string(sink) ?? tokenEnv
            case "groups": for (g, _, s) in x.mapping(sink) ?? [] { groups[g] = s.string(sink) }
            default: sink.add(l, expected: "base_url, org, token_env or groups", found: "'\(k)'")
            }
        }
        guard let org else {
            sink.add(v.location, expected: "github.org", found: "none")
            return nil
        }
        return .init(baseURL: baseURL, org: org, tokenEnv: tokenEnv, groups: groups)
    }

    /// `commands: {pattern: "argv as one string" | [argv]}`.
    private static func commands(_ v: YAMLValue, _ sink: ErrorSink) -> [ProviderSettings.CommandCheck] {
        (v.mapping(sink) ?? []).map { pattern, _, x in
            let argv: [String]
            if case .scalar = x.node, let s = x.string(sink) { argv = ArgvSplitter.split(s) }
            else { argv = (x.stringList(sink) ?? []).map(\.0) }
            return .init(pattern: pattern, argv: argv)
        }
    }
}
