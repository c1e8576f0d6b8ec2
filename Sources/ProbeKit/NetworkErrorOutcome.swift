import AsyncHTTPClient
import NIOCore
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
/// handshake or certificate is `tls_error`.
enum NetworkErrorOutcome {
    static func classify(_ error: any Error, host: String) -> (ProbeOutcome, String) {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return (.timeout, "no answer from \(host) in time")
            case .tlsHandshakeTimeout:
                return (.timeout, "the TLS handshake with \(host) did not finish in time")
            case .remoteConnectionClosed:
                return (.unreachable, "\(host) closed the connection without answering")
            default:
                return (.unreachable, "request to \(host) failed: \(error)")
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return (.tlsError, "TLS with \(host) failed: \(error)")
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
            case ECONNREFUSED: return (.unreachable, "\(host) refused the connection")
            case ETIMEDOUT: return (.timeout, "connecting to \(host) timed out")
            default: return (.unreachable, "cannot connect to \(host): \(error)")
            }
        }
        if error is SocketAddressError {
            return (.unreachable, "cannot resolve \(host)")
        }
        return (.unreachable, "cannot reach \(host): \(error)")
    }
}
