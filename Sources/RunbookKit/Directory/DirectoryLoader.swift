import Foundation

/// Loads `coldread.yaml` and finds it by walking up from a folder, like git finds `.git`.
public enum DirectoryLoader {
    public static let fileName = "coldread.yaml"

    /// The nearest `coldread.yaml` at or above `start`, or nil.
    public static func discover(from start: String) -> String? {
        var dir = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    public static func load(_ path: String) throws(LoadErrors) -> Directory {
        let (text, _) = try SourceText.read(path, missingHint: "pass --config the path of an existing \(fileName), or run `coldread init` to create one")
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(LoadErrors) -> Directory {
        let sink = ErrorSink()
        var directory = Directory(path: file)
        if let root = YAMLText.parse(text, file: file, sink: sink), let pairs = root.mapping(sink, expected: "a mapping of directory settings") {
            for (key, keyLocation, value) in pairs {
                switch key {
                case "rotations": directory.rotations = rotations(value, sink)
                case "groups": directory.groups = groups(value, sink)
                case "grants": directory.grants = grants(value, sink)
                case "members": directory.members = members(value, sink)
                case "federation": directory.federationCentral = list(under: "central", of: value, sink) ?? directory.federationCentral
                case "sso": directory.ssoLoginHosts = list(under: "login_hosts", of: value, sink)?.map { $0.lowercased() } ?? directory.ssoLoginHosts
                case "tools": directory.tools = (value.stringList(sink) ?? []).map(\.0)
                case "context_sections": directory.contextSections = (value.stringList(sink) ?? []).map { $0.0.lowercased() }
                case "contact_sections": directory.contactSections = (value.stringList(sink) ?? []).map { $0.0.lowercased() }
                case "cadence": directory.cadence = cadence(value, sink)
                case "providers": directory.providers = ProviderSettingsLoader.parse(value, sink)
                case "redact": directory.redactQueryParams = redactedParameters(value, sink)
                case "docs_base_url": directory.docsBaseURL = docsBaseURL(value, sink)
                case "telemetry": directory.telemetry = TelemetrySettingsLoader.parse(value, sink)
                default:
                    sink.add(keyLocation, expected: "one of rotations, groups, grants, members, federation, sso, tools, context_sections, contact_sections, cadence, providers, redact, docs_base_url, telemetry",
                             found: "'\(key)'", hint: "check the spelling; see DESIGN.md, Access directory")
                }
            }
        }
        try sink.throwIfAny()
        return directory
    }

    /// `redact: {query_params: [name, prefix*]}`: more parameter names every output redacts.
    static func redactedParameters(_ value: YAMLValue, _ sink: ErrorSink) -> [String] {
        list(under: "query_params", of: value, sink, expected: "{query_params: [...]}", listExpected: "a list of query parameter names") ?? []
    }

    /// `{key: [text]}`, the shape of `federation`, `sso` and `redact`: the list under the
    /// one key allowed, or nil when it is not there.
    static func list(under key: String, of value: YAMLValue, _ sink: ErrorSink,
                     expected: String = "a mapping", listExpected: String = "a list of text") -> [String]? {
        var names: [String]?
        for (k, kl, v) in value.mapping(sink, expected: expected) ?? [] {
            if k == key { names = (names ?? []) + (v.stringList(sink, expected: listExpected) ?? []).map(\.0) }
            else { sink.add(kl, expected: key, found: "'\(k)'") }
        }
        return names
    }

    /// `docs_base_url`: an absolute http(s) URL, for site-relative links to resolve against.
    static func docsBaseURL(_ value: YAMLValue, _ sink: ErrorSink) -> String? {
        guard let text = value.string(sink) else { return nil }
        guard URLParts(text) != nil else {
            sink.add(value.location, expected: "an absolute http(s) URL such as https://docs.example.com", found: "'\(text)'",
                     hint: "site-relative links such as /manual/x.html resolve against it")
            return nil
        }
        return text
    }

    /// Applies a scenario's `sandbox.directory` on top: each rotation, group or grant it
    /// names replaces the file's entry of the same name.
    static func overrides(_ value: YAMLValue, onto base: Directory, _ sink: ErrorSink) -> Directory {
        var d = base
        for (key, keyLocation, v) in value.mapping(sink) ?? [] {
            switch key {
            case "rotations": d.rotations.merge(rotations(v, sink)) { $1 }
            case "groups": d.groups.merge(groups(v, sink)) { $1 }
            case "grants": d.grants.merge(grants(v, sink)) { $1 }
            case "members": d.members.merge(members(v, sink)) { $1 }
            default: sink.add(keyLocation, expected: "rotations, groups, grants or members", found: "'\(key)'")
            }
        }
        return d
    }

    /// Rotations and groups alike: `NAME: [members]` or `NAME: {members: [...]}`.
    /// `kind` names them in errors; `listExpected` says what a bare value should be.
    static func memberLists(_ value: YAMLValue, kind: String, listExpected: String, _ sink: ErrorSink) -> [String: MemberList] {
        var out: [String: MemberList] = [:]
        for (name, loc, v) in value.mapping(sink, expected: "a mapping of \(kind) names") ?? [] {
            var members: [String] = []
            if case .mapping = v.node {
                for (k, kl, mv) in v.mapping(sink) ?? [] {
                    if k == "members" { members = (mv.stringList(sink) ?? []).map(\.0) }
                    else { sink.add(kl, expected: "members", found: "'\(k)'") }
                }
            } else {
                members = (v.stringList(sink, expected: listExpected) ?? []).map(\.0)
            }
            out[name] = MemberList(name: name, members: members, location: loc)
        }
        return out
    }

    static func rotations(_ value: YAMLValue, _ sink: ErrorSink) -> [String: Rotation] {
        memberLists(value, kind: "rotation", listExpected: "{members: [...]} or a list of members", sink)
    }

    static func groups(_ value: YAMLValue, _ sink: ErrorSink) -> [String: Group] {
        memberLists(value, kind: "group", listExpected: "a list of members", sink)
    }

    static func grants(_ value: YAMLValue, _ sink: ErrorSink) -> [String: Grant] {
        var out: [String: Grant] = [:]
        for (pattern, loc, v) in value.mapping(sink, expected: "a mapping of scope to groups") ?? [] {
            let holders = (v.stringList(sink, expected: "a list of groups or members") ?? []).map(\.0)
            out[pattern] = Grant(pattern: pattern, holders: holders, location: loc)
        }
        return out
    }

    static func members(_ value: YAMLValue, _ sink: ErrorSink) -> [String: Member] {
        var out: [String: Member] = [:]
        if case .sequence = value.node {
            for (name, loc) in value.stringList(sink) ?? [] { out[name] = Member(name: name, email: nil, location: loc) }
            return out
        }
        for (name, loc, v) in value.mapping(sink, expected: "a mapping of member names") ?? [] {
            var email: String?
            var github: String?
            if case .mapping = v.node {
                for (k, kl, mv) in v.mapping(sink) ?? [] {
                    switch k {
                    case "email": email = mv.string(sink)
                    case "github": github = mv.string(sink)
                    default: sink.add(kl, expected: "email or github", found: "'\(k)'")
                    }
                }
            } else if !v.isNull {
                email = v.string(sink, expected: "an email or {email: …}")
            }
            out[name] = Member(name: name, email: email, github: github, location: loc)
        }
        return out
    }

    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    static func cadence(_ value: YAMLValue, _ sink: ErrorSink) -> CadencePolicy {
        var policy = CadencePolicy(slotTimeZone: "Europe/Berlin")
        func mode(_ v: YAMLValue) -> CadencePolicy.Mode? {
            guard let s = v.string(sink) else { return nil }
            guard let m = CadencePolicy.Mode(rawValue: s) else {
                sink.add(v.location, expected: "quarterly or monthly", found: "'\(s)'")
                return nil
            }
            return m
        }
        for (key, kl, v) in value.mapping(sink) ?? [] {
            switch key {
            case "default": if let m = mode(v) { policy.defaultMode = m }
            case "after_gap": if let m = mode(v) { policy.afterGap = m }
            case "clean_runs_to_recover":
                if let n = v.int(sink, in: 1...100, what: "clean runs to recover") { policy.cleanRunsToRecover = n }
            case "slot": slot(v, into: &policy, sink)
            default: sink.add(kl, expected: "default, after_gap, clean_runs_to_recover or slot", found: "'\(key)'")
            }
        }
        return policy
    }

    /// `slot: {weekday: tuesday, time: "14:00", timezone: Europe/Berlin}`.
    static func slot(_ v: YAMLValue, into policy: inout CadencePolicy, _ sink: ErrorSink) {
        for (sk, skl, sv) in v.mapping(sink) ?? [] {
            switch sk {
            case "weekday":
                guard let s = sv.string(sink) else { continue }
                if let i = weekdays.firstIndex(of: s.lowercased()) { policy.slotWeekday = i + 1 }
                else { sink.add(sv.location, expected: "a weekday such as tuesday", found: "'\(s)'") }
            case "time":
                guard let time = sv.clockTime(sink, what: "a time") else { continue }
                policy.slotHour = time.hour
                policy.slotMinute = time.minute
            case "timezone":
                guard let s = sv.string(sink) else { continue }
                if TimeZone(identifier: s) != nil { policy.slotTimeZone = s }
                else { sink.add(sv.location, expected: "an IANA time zone such as Europe/Berlin", found: "'\(s)'") }
            default: sink.add(skl, expected: "weekday, time or timezone", found: "'\(sk)'")
            }
        }
    }
}
