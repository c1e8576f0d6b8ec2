/// Reads `providers:` from `coldread.yaml`.
enum ProviderSettingsLoader {
    static func parse(_ value: YAMLValue, _ sink: ErrorSink) -> ProviderSettings {
        var settings = ProviderSettings()
        for (key, kl, v) in value.mapping(sink) ?? [] {
            switch key {
            case "pagerduty":
                var pd = ProviderSettings.PagerDuty()
                for (k, l, x) in v.mapping(sink) ?? [] {
                    switch k {
                    case "base_url": pd.baseURL = x.string(sink) ?? pd.baseURL
                    case "token_env": pd.tokenEnv = x.string(sink) ?? pd.tokenEnv
                    case "window_days": pd.windowDays = x.int(sink, in: 1...365, what: "window_days") ?? pd.windowDays
                    case "rotations":
                        for (name, nl, r) in x.mapping(sink) ?? [] {
                            if case .mapping = r.node {
                                for (rk, rkl, rv) in r.mapping(sink) ?? [] {
                                    if rk == "schedule" { pd.rotations[name] = rv.string(sink) }
                                    else { sink.add(rkl, expected: "schedule", found: "'\(rk)'") }
                                }
                            } else if let id = r.string(sink, expected: "{schedule: ID}") {
                                pd.rotations[name] = id
                            }
                            _ = nl
                        }
                    default: sink.add(l, expected: "base_url, token_env, window_days or rotations", found: "'\(k)'")
                    }
                }
                settings.pagerduty = pd
            case "scim":
                var baseURL: String?, tokenEnv = "SCIM_TOKEN", groups: [String] = []
                for (k, l, x) in v.mapping(sink) ?? [] {
                    switch k {
                    case "base_url": baseURL = x.string(sink)
                    case "token_env": tokenEnv = x.string(sink) ?? tokenEnv
                    case "groups": groups = (x.stringList(sink) ?? []).map(\.0)
                    default: sink.add(l, expected: "base_url, token_env or groups", found: "'\(k)'")
                    }
                }
                if let baseURL { settings.scim = .init(baseURL: baseURL, tokenEnv: tokenEnv, groups: groups) }
                else { sink.add(v.location, expected: "scim.base_url", found: "none", hint: "the SCIM 2.0 endpoint, e.g. https://idp.example/scim/v2") }
            case "github":
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
                if let org { settings.github = .init(baseURL: baseURL, org: org, tokenEnv: tokenEnv, groups: groups) }
                else { sink.add(v.location, expected: "github.org", found: "none") }
            case "commands":
                for (pattern, _, x) in v.mapping(sink) ?? [] {
                    let argv: [String]
                    if case .scalar = x.node, let s = x.string(sink) { argv = ArgvSplitter.split(s) }
                    else { argv = (x.stringList(sink) ?? []).map(\.0) }
                    settings.commands.append(.init(pattern: pattern, argv: argv))
                }
            case "timeout":
                settings.timeoutSeconds = v.durationSeconds(sink, what: "timeout") ?? settings.timeoutSeconds
            default:
                sink.add(kl, expected: "pagerduty, scim, github, commands or timeout", found: "'\(key)'")
            }
        }
        return settings
    }
}
