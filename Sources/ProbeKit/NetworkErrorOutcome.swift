import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RunbookKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a failure to get any answer into a link outcome: a request that ran out of time
/// is `timeout`, a host that cannot be resolved or refuses is `unreachable`, a failed
/// handshake or certificate is `tls_error`. The reason names the kind of failure
/// (`LibraryErrorKind`), never a library's own text, which may quote a secret.
enum NetworkErrorOutcome {
    /// `sent` are the request's headers, so a rejected one can be named (never quoted).
    static func classify(_ error: any Error, host: String, sent: HTTPHeaders = [:]) -> (ProbeOutcome, String) {
        if let error = error as? HTTPClientError {
            if let rejected = rejectedHeaders(error, sent: sent) { return (.unreachable, rejected) }
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return (.timeout, "no answer from \(host) in time")
            case .tlsHandshakeTimeout:
                return (.timeout, "the TLS handshake with \(host) did not finish in time")
            case .remoteConnectionClosed:
                return (.unreachable, "\(host) closed the connection without answering")
            default:
                return (.unreachable, "request to \(host) failed: \(LibraryErrorKind.words(for: error))")
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return (.tlsError, "TLS with \(host) failed: \(LibraryErrorKind.words(for: error))")
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return (.unreachable, "cannot resolve \(error.host)")
            }
            if let first = error.connectionErrors.first {
                return classify(first.error, host: host)
            }
            return (.unreachable, "cannot resolve \(error.host)")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return (.timeout, "connecting to \(host) timed out")
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return (.unreachable, RefusedPorts.reason(host))
            case ETIMEDOUT: return (.timeout, "connecting to \(host) timed out")
            default: return (.unreachable, "cannot connect to \(host): \(LibraryErrorKind.words(for: error))")
            }
        }
        if error is SocketAddressError {
            return (.unreachable, "cannot resolve \(host)")
        }
        return (.unreachable, "cannot reach \(host): \(LibraryErrorKind.words(for: error))")
    }

    /// `invalid header value for Authorization`: which header AsyncHTTPClient refused.
    private static func rejectedHeaders(_ error: HTTPClientError, sent: HTTPHeaders) -> String? {
        switch error.shortDescription {
        case HTTPClientError.invalidHeaderFieldValues([]).shortDescription:
            let names = sent.filter { HTTPFieldRules.headerValueProblem($0.value) != nil }.map { $0.name }
            return "invalid header value for " + (names.isEmpty ? "a request header" : names.joined(separator: ", "))
        case HTTPClientError.invalidHeaderFieldNames([]).shortDescription:
            return "invalid header name in the request (check the credentials file's header names)"
        default:
            return nil
        }
    }
}
