import RunbookKit

/// Keeps secrets out of the journal. Probe evidence carries URLs, and a URL can carry a
/// password (`https://user:pass@host`) or a token in its query; both are replaced by
/// `REDACTED` before a probe result is journalled.
public enum SecretRedaction {
    /// Query parameters whose values are credentials in the wild.
    static let secretParameters: Set<String> = [
        "token", "access_token", "id_token", "refresh_token", "api_key", "apikey", "key", "password",
        "passwd", "secret", "client_secret", "sig", "signature", "auth", "code", "session", "x-amz-signature",
    ]

    public static func redact(_ result: ProbeResult) -> ProbeResult {
        var clean = result
        clean.url = result.url.map(redact(url:))
        clean.finalURL = result.finalURL.map(redact(url:))
        return clean
    }

    public static func redact(url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://") {
            let authorityEnd = text[scheme.upperBound...].firstIndex(where: { "/?#".contains($0) }) ?? text.endIndex
            if let at = text[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
                text.replaceSubrange(scheme.upperBound..<at, with: "REDACTED")
            }
        }
        guard let question = text.firstIndex(of: "?") else { return text }
        let fragmentStart = text[question...].firstIndex(of: "#") ?? text.endIndex
        let query = text[text.index(after: question)..<fragmentStart]
        let redactedQuery = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let eq = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<eq].lowercased()
            return secretParameters.contains(name) ? pair[..<eq] + "=REDACTED" : String(pair)
        }.joined(separator: "&")
        text.replaceSubrange(text.index(after: question)..<fragmentStart, with: redactedQuery)
        return text
    }
}
