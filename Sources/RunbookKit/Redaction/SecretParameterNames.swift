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
    let configured: [[UInt8]]
    let configuredPrefixes: [[UInt8]]
    static let wholeNameBytes = wholeNames.map { Array($0.utf8) }
    static let lastWordBytes = lastWords.map { Array($0.utf8) }

    public init(configured names: [String] = []) {
        let lowered = names.map { $0.lowercased() }
        configured = lowered.filter { !$0.hasSuffix("*") }.map { Array($0.utf8) }
        configuredPrefixes = lowered.filter { $0.hasSuffix("*") }.map { Array($0.dropLast().utf8) }
    }

    /// Whether a parameter called `name` (any case) holds a secret.
    public func isSecret(_ name: some StringProtocol) -> Bool {
        isSecret(Array(name.utf8)[...])
    }

    /// The same on the name's bytes, comparing in place: the output scan asks it of
    /// every query parameter it meets, so it builds no string.
    func isSecret(_ name: ArraySlice<UInt8>) -> Bool {
        if Self.wholeNameBytes.contains(where: { name.equalsIgnoringCase($0) }) { return true }
        if configured.contains(where: { name.equalsIgnoringCase($0) }) { return true }
        if configuredPrefixes.contains(where: { $0.count <= name.count && name.prefix($0.count).equalsIgnoringCase($0) }) {
            return true
        }
        let separator = { (byte: UInt8) in byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") }
        let lastWord = name[(name.lastIndex(where: separator).map { $0 + 1 } ?? name.startIndex)...]
        return Self.lastWordBytes.contains(where: { lastWord.equalsIgnoringCase($0) })
    }
}

extension ArraySlice where Element == UInt8 {
    /// ASCII case-insensitive equality with a lower-case word.
    func equalsIgnoringCase(_ lowercased: [UInt8]) -> Bool {
        guard count == lowercased.count else { return false }
        var k = 0
        for byte in self {
            let folded = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            if folded != lowercased[k] { return false }
            k += 1
        }
        return true
    }
}
