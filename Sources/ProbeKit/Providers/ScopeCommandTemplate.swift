import RunbookKit

/// A `commands:` entry: a scope pattern (`k8s:*`) and the argv that checks one scope for
/// one person. The scope's colon-separated parts after the pattern's prefix fill the
/// template's named placeholders in the order they first appear:
///
///     k8s:*  →  kubectl auth can-i {verb} {resource} -n {namespace} --as {member}
///     k8s:get:pods:prod  →  verb=get, resource=pods, namespace=prod
///
/// so the scope is written `k8s:VERB:RESOURCE:NAMESPACE`. Extra parts join the last
/// placeholder with `:`; too few parts make the answer unknown. Reserved placeholders:
/// `{member}` (the directory member name), `{email}` (their email) and `{scope}` (the
/// whole scope). For the current reader, the argument holding `{member}` or `{email}`
/// is dropped together with the flag just before it (`--as {member}`): the check runs
/// as whoever runs ColdRead.
public struct ScopeCommandTemplate: Sendable, Hashable {
    public var pattern: String
    public var argv: [String]

    static let reserved: Set<String> = ["member", "email", "scope"]

    public init(_ check: ProviderSettings.CommandCheck) {
        pattern = check.pattern
        argv = check.argv
    }

    public func covers(_ scope: String) -> Bool {
        Grant(pattern: pattern, holders: [], location: SourceLocation(file: "", line: 1)).covers(scope)
    }

    /// Named placeholders filled from the scope's parts, in order of first appearance.
    var partNames: [String] {
        var names: [String] = []
        for arg in argv {
            for name in Self.placeholders(in: arg) where !Self.reserved.contains(name) && !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    /// The argv for `scope` and `subject`, or why it cannot be built.
    func argv(for scope: String, subject: AccessSubject) -> Result<[String], ProviderFailure> {
        let names = partNames
        let rest = pattern.hasSuffix("*") ? String(scope.dropFirst(pattern.count - 1)) : ""
        var parts = rest.isEmpty ? [] : rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count > names.count, !names.isEmpty {
            parts = Array(parts.prefix(names.count - 1)) + [parts.dropFirst(names.count - 1).joined(separator: ":")]
        }
        guard parts.count >= names.count, !parts.prefix(names.count).contains(where: \.isEmpty) else {
            let shape = String(pattern.dropLast()) + names.map { $0.uppercased() }.joined(separator: ":")
            return .failure(ProviderFailure("scope '\(scope)' does not fill \(names.map { "{\($0)}" }.joined(separator: ", ")) of the `\(pattern)` check; write it as \(shape)"))
        }
        var values = Dictionary(uniqueKeysWithValues: zip(names, parts))
        values["scope"] = scope
        var out: [String] = []
        switch subject {
        case .member(let name, let email):
            values["member"] = name
            if Self.placeholders(in: argv.joined(separator: " ")).contains("email") {
                guard let email else { return .failure(ProviderFailure("the `\(pattern)` check needs {email}, and \(name) has none in the directory")) }
                values["email"] = email
            }
            out = argv.map { Self.fill($0, values) }
        case .currentReader:
            for arg in argv {
                let names = Self.placeholders(in: arg)
                if names.contains("member") || names.contains("email") {
                    if let last = out.last, last.hasPrefix("-"), !last.contains("=") { out.removeLast() }
                    continue
                }
                out.append(Self.fill(arg, values))
            }
        }
        return .success(out)
    }

    static func placeholders(in arg: String) -> [String] {
        var names: [String] = []
        var rest = arg[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.append(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// One pass, so a value that itself looks like `{member}` stays literal.
    private static func fill(_ arg: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = arg[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let after = rest.index(after: close)
            out += values[String(rest[rest.index(after: open)..<close])].map { rest[..<open] + $0 } ?? String(rest[..<after])
            rest = rest[after...]
        }
        return out + rest
    }
}
