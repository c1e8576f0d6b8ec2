import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One live source's HTTP conversation: its base URL, the headers that carry its token,
/// and the per-request timeout. Every failure (down, slow, 401, 5xx, bad JSON) becomes a
/// `ProviderFailure` whose reason names the source and the request, and has the token
/// scrubbed out, so a provider problem is an `unknown` answer, never a crash or a leak.
struct ProviderHTTP: Sendable {
    /// The source's name as the user knows it (`PagerDuty`).
    let provider: String
    let client: HTTPClient
    let baseURL: String
    let headers: HTTPHeaders
    let token: String
    let tokenEnv: String
    let timeout: TimeAmount

    /// Largest response body read; provider pages are small, a runaway body is an error.
    static let bodyLimit = 8 * 1024 * 1024
    /// Entries asked for per page: the most PagerDuty and GitHub give, and a fair SCIM count.
    static let pageSize = 100
    /// A bound on pages followed, so a server that always says there is more cannot
    /// keep a run waiting forever.
    static let maxPages = 500

    struct Response: Sendable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: Data
    }

    init(provider: String, client: HTTPClient, baseURL: String, headers: [(String, String)], token: String,
         tokenEnv: String, timeoutSeconds: Int) {
        self.provider = provider
        self.client = client
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.headers = HTTPHeaders(headers)
        self.token = token
        self.tokenEnv = tokenEnv
        timeout = .seconds(Int64(max(1, timeoutSeconds)))
    }

    /// `path` (starting with `/`) under the base URL, with percent-encoded query items.
    func url(_ path: String, query: [(String, String)] = []) -> String {
        let encoded = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return baseURL + path + (encoded.isEmpty ? "" : "?" + encoded)
    }

    /// True when `url` is on the same scheme, host and port as the base URL: a token is
    /// only ever sent to the source it belongs to, whatever a `Link` header says.
    func isOwnOrigin(_ url: String) -> Bool {
        guard let a = URLComponents(string: url), let b = URLComponents(string: baseURL) else { return false }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && a.port == b.port
    }

    /// GET with the source's headers. Statuses in `accept` are returned; any other
    /// status is a failure with a reason.
    func get(_ url: String, accept: Set<UInt> = [200]) async throws(ProviderFailure) -> Response {
        let label = "GET " + Self.pathOnly(url)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers = headers
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.bodyLimit)
            let result = Response(status: response.status, headers: response.headers, body: Data(body.readableBytesView))
            guard accept.contains(response.status.code) else { throw statusFailure(response.status, label) }
            return result
        } catch let failure as ProviderFailure {
            throw failure
        } catch {
            throw transportFailure(error, label)
        }
    }

    /// GET and decode the JSON body.
    func getJSON<T: Decodable>(_ url: String, as type: T.Type) async throws(ProviderFailure) -> (T, Response) {
        let response = try await get(url)
        do {
            return (try JSONDecoder().decode(T.self, from: response.body), response)
        } catch {
            throw failure("\(provider) sent a response to GET \(Self.pathOnly(url)) that is not the expected JSON (\(Self.decodingSummary(error)))")
        }
    }

    /// A failure with the token removed, in case a server echoed it back.
    func failure(_ reason: String) -> ProviderFailure {
        ProviderFailure(token.isEmpty ? reason : reason.replacingOccurrences(of: token, with: "[redacted]"))
    }

    private func statusFailure(_ status: HTTPResponseStatus, _ label: String) -> ProviderFailure {
        let answered = "\(provider) answered \(status.code) \(status.reasonPhrase) to \(label)"
        switch status.code {
        case 401: return failure("\(answered): the token in \(tokenEnv) was refused")
        case 403: return failure("\(answered): the token in \(tokenEnv) may not read this")
        case 404: return failure("\(answered): check the id or name in coldread.yaml")
        case 429: return failure("\(answered): rate limited, try again later")
        case 500...599: return failure("\(answered): the service is failing")
        default: return failure(answered)
        }
    }

    private func transportFailure(_ error: any Error, _ label: String) -> ProviderFailure {
        if let e = error as? HTTPClientError, e == .deadlineExceeded || e == .readTimeout || e == .connectTimeout {
            return failure("\(provider) did not answer \(label) within \(timeout.nanoseconds / 1_000_000_000) s")
        }
        if let e = error as? HTTPClientError, e == .bodyLengthMismatch || e == .remoteConnectionClosed {
            return failure("\(provider) closed the connection during \(label)")
        }
        if error is NIOTooManyBytesError {
            return failure("\(provider) sent more than \(Self.bodyLimit / 1024 / 1024) MiB for \(label)")
        }
        // The library's own text is never shown: it can quote the request's token header.
        let detail = String(describing: error)
        let cause = detail.localizedCaseInsensitiveContains("refused") ? "connection refused" : LibraryErrorKind.words(for: error)
        return failure("\(provider) is unreachable at \(baseURL) (\(label): \(cause))")
    }

    /// Query values are percent-encoded: filters such as `displayName eq "sre"` carry
    /// spaces and quotes.
    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// The path of a URL, for messages: short, and free of query values.
    static func pathOnly(_ url: String) -> String {
        URLComponents(string: url)?.path ?? url
    }

    private static func decodingSummary(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "unreadable body" }
        switch e {
        case .keyNotFound(let key, let c): return "missing '\(key.stringValue)' at \(path(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "unexpected value at \(path(c))"
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "not JSON" : "bad value at \(path(c))"
        @unknown default: return "unreadable body"
        }
    }

    private static func path(_ c: DecodingError.Context) -> String {
        c.codingPath.isEmpty ? "the top level" : c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
