/// Which query parameter names carry a secret. A general rule rather than a word list
/// alone: a name whose last word (split at `-`, `_` and `.`) is a credential word
/// (`refresh_token`, `X-Amz-Security-Token`, `X-Goog-Signature`, `client_secret`), a few
/// whole names that are credentials in the wild (`code`, `sig`, `auth`), and the names a
/// team adds under `redact: {query_params: […]}` in coldread.yaml (`name`, or `prefix*`).
public struct SecretParameterNames: Sendable, Hashable {
    /// Whole names that are a credential on their own, though their last word says little.
    static let wholeNames: Set<String> = [
        "code", "sig", "auth", "session", "sessionid", "jwt", "apikey", "passwd", "pwd", "password", "secret",
    ]
    /// Last words that make any name a credential: `api_key`, `x-amz-credential`, `id_token`.
    static let lastWords: Set<String> = [
        "token", "key", "apikey", "secret", "password", "passwd", "signature", "sig", "credential", "credentials", "auth",
    ]

    /// Configured names, lower-cased; those ending in `*` match as prefixes.
    let configured: Set<String>
    let configuredPrefixes: [String]

    public init(configured names: [String] = []) {
        let lowered = names.map { $0.lowercased() }
        configured = Set(lowered.filter { !$0.hasSuffix("*") })
        configuredPrefixes = lowered.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
    }

    /// Whether a parameter called `name` (any case) holds a secret.
    public func isSecret(_ name: some StringProtocol) -> Bool {
        let lowered = name.lowercased()
        if Self.wholeNames.contains(lowered) || configured.contains(lowered) { return true }
        if configuredPrefixes.contains(where: { lowered.hasPrefix($0) }) { return true }
        let lastWord = lowered.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).last.map(String.init) ?? lowered
        return Self.lastWords.contains(lastWord)
    }
}
