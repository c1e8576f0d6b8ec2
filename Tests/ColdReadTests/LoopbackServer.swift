import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 for end-to-end tests of the built binary. Each
/// path names a behaviour: `/ok` 200, `/forbidden` 403, `/missing` 404, `/hang` accepts
/// and never answers, `/redirect-with-token` 302 to `/ok?token=…` (a server that puts a
/// secret in a Location), `/loop-with-token` 302 back to itself with a token. It counts
/// requests per path.
final class LoopbackServer: Sendable {
    let port: Int
    private let channel: Channel
    private let counter: RequestCounter

    static func start() async throws -> LoopbackServer {
        let counter = RequestCounter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(BehaviourHandler(counter: counter))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackServer(channel: channel, counter: counter)
    }

    private init(channel: Channel, counter: RequestCounter) {
        self.channel = channel
        self.counter = counter
        port = channel.localAddress?.port ?? 0
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The tokens the redirecting paths put in their Location headers.
    static let locationToken = "loc-s3cr3t-5d2f"
    static let loopToken = "loop-s3cr3t-8e4a"

    func requests(to path: String) -> Int { counter.count(path) }

    func stop() async { try? await channel.close() }
}

final class RequestCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    func add(_ path: String) { counts.withLock { $0[path, default: 0] += 1 } }
    func count(_ path: String) -> Int { counts.withLock { $0[path] ?? 0 } }
}

private final class BehaviourHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: NIO confines a handler to its channel's event loop; it holds no shared state but the Sendable counter.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let counter: RequestCounter
    init(counter: RequestCounter) { self.counter = counter }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        let path = String(head.uri.split(separator: "?").first ?? "")
        counter.add(path)
        let status: HTTPResponseStatus
        var headers = HTTPHeaders()
        switch path {
        case "/hang": return
        case "/redirect-with-token":
            status = .found
            headers.add(name: "Location", value: "/ok?token=\(LoopbackServer.locationToken)")
        case "/loop-with-token":
            status = .found
            headers.add(name: "Location", value: "/loop-with-token?token=\(LoopbackServer.loopToken)")
        case "/forbidden": status = .forbidden
        case "/missing": status = .notFound
        default: status = .ok
        }
        let body = "coldread test server: \(status.code)\n"
        headers.add(contentsOf: [("Content-Length", String(body.utf8.count)), ("Content-Type", "text/plain")])
        headers.add(name: "Connection", value: "keep-alive")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
