#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import RunbookKit

/// Serves a scenario's `sandbox.services` on loopback (plain HTTP) for one run, so the
/// bundled drill shows real probe results on a fresh machine. One listener answers for
/// every sandbox hostname, choosing the behaviour by the `Host` header the probes keep.
///
/// - `ok`: 200 with a small HTML page.
/// - `sso`: 302 to the login host with a `SAMLRequest` and `RelayState`.
/// - `forbidden`: 403. `unauthorized`: 401 with `WWW-Authenticate: Bearer`.
/// - `not_found`: 404, a renamed page.
/// - `slow`: 200, but only after `slowDelay` (longer than a probe waits, so it reads as a timeout).
/// - `down`: the connection is refused (`unreachable`): its hosts are routed to a port
///   that is bound but never listened on, which refuses at once and stays reserved.
///
/// A host in `opensFor` models people: it answers `ok` to a request whose
/// `coldread_sandbox_person` cookie names one of its people, and its behaviour (its
/// wall) to everyone else, so `coldread gap` sees the author let in and the reader walled.
public actor SandboxServer {
    public let services: [String: ServiceBehaviour]
    /// Hostname to the people it opens for (groups already resolved to members).
    public let opensFor: [String: Set<String>]
    let loginHost: String
    let slowDelay: Duration
    private var channel: Channel?
    private var refusingSocket: Int32 = -1
    /// The port `down` hosts are routed to (0 before `start`).
    public private(set) var downPort = 0

    public init(services: [String: ServiceBehaviour], loginHost: String, slowDelay: Duration,
                opensFor: [String: Set<String>] = [:]) {
        self.services = Dictionary(services.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.opensFor = Dictionary(opensFor.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $0.union($1) })
        self.loginHost = loginHost
        self.slowDelay = slowDelay
    }

    /// Binds 127.0.0.1 on a free port and returns it.
    public func start() async throws -> Int {
        let services = self.services
        let opensFor = self.opensFor
        let loginHost = self.loginHost
        let slowDelay = TimeAmount(self.slowDelay)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        SandboxHandler(services: services, opensFor: opensFor, loginHost: loginHost, slowDelay: slowDelay))
                }
            }
        let bound = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        channel = bound
        (refusingSocket, downPort) = Self.refusingPort()
        return bound.localAddress?.port ?? 0
    }

    /// Starts the server and routes each of `hosts` to it: a host whose service is `down`
    /// to the port that refuses connections (when one could be opened), every other host
    /// to the server's port.
    public func startRouting(_ hosts: some Sequence<String>) async throws -> [String: HostRoute] {
        let port = try await start()
        var routes: [String: HostRoute] = [:]
        for host in hosts {
            let down = services[host.lowercased()] == .down && downPort > 0
            routes[host] = HostRoute(address: "127.0.0.1", port: down ? downPort : port)
        }
        return routes
    }

    public func stop() async {
        let bound = channel
        channel = nil
        try? await bound?.close()
        if refusingSocket >= 0 { close(refusingSocket) }
        refusingSocket = -1
    }

    /// A loopback TCP port bound but not listened on: connecting to it is refused.
    private static func refusingPort() -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return (-1, 0) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { close(fd); return (-1, 0) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// Answers one sandbox connection's requests by the behaviour of the requested host.
private final class SandboxHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let services: [String: ServiceBehaviour]
    let opensFor: [String: Set<String>]
    let loginHost: String
    let slowDelay: TimeAmount
    private var head: HTTPRequestHead?

    init(services: [String: ServiceBehaviour], opensFor: [String: Set<String>], loginHost: String, slowDelay: TimeAmount) {
        self.services = services
        self.opensFor = opensFor
        self.loginHost = loginHost
        self.slowDelay = slowDelay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let request = head else { return }
            head = nil
            respond(to: request, context: context)
        }
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let hostHeader = request.headers.first(name: "host") ?? ""
        let host = String(hostHeader.split(separator: ":").first ?? "").lowercased()
        let page = "<!doctype html><html><body><h1>\(host)</h1><p>ColdRead sandbox</p></body></html>"
        switch behaviour(for: host, request: request) {
        case .ok: write(.ok, body: page, request: request, context: context)
        case .sso:
            let relay = "https%3A%2F%2F\(host)\(request.uri.addingPercentEncodingForQuery)"
            let location = "https://\(loginHost)/saml2/idp/SSO?SAMLRequest=fZJNT8MwDIb%2FSuR7m3Zd1RKtk8o2JpAAIfFx4RZl6RYpcUqcDvj3tNvQ4MLN9uvnfW1nQdLZXjRD3OOTfh80xWxINFozmzP%3D&RelayState=\(relay)"
            write(.found, headers: [("Location", location)], body: "", request: request, context: context)
        case .forbidden: write(.forbidden, body: "forbidden", request: request, context: context)
        case .unauthorized:
            write(.unauthorized, headers: [("WWW-Authenticate", "Bearer realm=\"\(host)\"")], body: "unauthorized", request: request, context: context)
        case .notFound: write(.notFound, body: "not found", request: request, context: context)
        case .slow:
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: slowDelay) {
                let (handler, context) = loopBound.value
                handler.write(.ok, body: page, request: request, context: context)
            }
        case .down:
            context.close(promise: nil)
        case nil:
            write(.misdirectedRequest, body: "no sandbox service for \(host)", request: request, context: context)
        }
    }

    /// The host's behaviour for this request: `ok` when the host opens for the person
    /// the request's sandbox cookie names, else the host's own behaviour.
    private func behaviour(for host: String, request: HTTPRequestHead) -> ServiceBehaviour? {
        guard let people = opensFor[host] else { return services[host] }
        let prefix = Credentials.sandboxPersonCookie + "="
        let cookies = request.headers["cookie"].flatMap { $0.split(separator: ";") }
        let person = cookies.lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(prefix) }?.dropFirst(prefix.count)
        if let person, people.contains(String(person)) { return .ok }
        return services[host]
    }

    private func write(_ status: HTTPResponseStatus, headers extra: [(String, String)] = [], body: String,
                       request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(extra)
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))), promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

private extension String {
    /// Enough escaping to carry a path inside a query value.
    var addingPercentEncodingForQuery: String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }

    var leftPadded: String { count == 1 ? "0" + self : self }
}
