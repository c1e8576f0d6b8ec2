import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Name resolution as a step of its own, before a link takes a request slot: each host is
/// looked up once per run (failures too), on a small pool of threads of its own.
///
/// Why: left to the HTTP client, every new connection looked its host up again on a queue
/// shared with all other lookups of its event loop, while the request already held its
/// slot and its clock ran; at full concurrency a run of links to hosts that do not resolve
/// queued behind each other's lookups until they ran out of time, so one host came back as
/// both `unreachable` and `timeout`. Here a host that does not resolve is known once, and
/// every link to it is `unreachable` at once without queueing for a slot. A host that does
/// resolve is then handed to AsyncHTTPClient as usual.
///
/// `getaddrinfo` blocks, and the system resolver's own timeout and attempts bound it; the
/// pool's size bounds how many lookups run at once, so a slow resolver holds lookup
/// threads, never request slots.
final class HostResolver: Sendable {
    /// What a lookup found: the host can be connected to, or why it cannot.
    enum Answer: Sendable, Equatable {
        case resolved
        case unresolvable(reason: String)
    }

    private let pool: NIOThreadPool
    private let answers = OnceCache<String, Answer>()

    /// - Parameter threads: lookups that may block at once.
    init(threads: Int = 8) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    /// The host's answer, looked up on the first call and shared by every later one.
    func resolve(_ host: String) async -> Answer {
        await answers.value(for: host) { [pool] in
            do {
                return try await pool.runIfActive { Self.lookUp(host) }
            } catch {
                // The pool is shut down: the session is over, nothing is reached any more.
                return .unresolvable(reason: "cannot resolve \(host)")
            }
        }
    }

    /// Forgets `host`'s answer, so its next link looks it up again (a re-probe).
    func forget(_ host: String) {
        answers.remove(host)
    }

    /// Ends the lookup threads once their current lookups return.
    func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    /// One blocking `getaddrinfo` for a TCP connection to `host` (an IPv6 literal without
    /// its brackets); an address literal is answered without the network.
    static func lookUp(_ host: String) -> Answer {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        #if canImport(CResolv)
        DNSRetries.shortenForThisThread()
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &found)
        if let found { freeaddrinfo(found) }
        return status == 0 ? .resolved : .unresolvable(reason: "cannot resolve \(host)")
    }
}
