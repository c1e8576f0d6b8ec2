import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP server on 127.0.0.1 that stands in for PagerDuty, a SCIM service or
/// GitHub in tests. Each test gives it a route function that answers in the real API's
/// shapes; the server records every request so tests can check the headers sent.
public final class ProviderServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var query: [String: [String]]
        public var headers: [String: String]

        public func first(_ name: String) -> String? { query[name]?.first }
    }

    public enum Reply: Sendable {
        case json(String, status: Int = 200, headers: [(String, String)] = [])
        /// Never answers: the client's timeout must end the request.
        case never
    }

    public let port: Int
    private let channel: any Channel
    private let log = Mutex<[Request]>([])

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var requests: [Request] { log.withLock { $0 } }

    private init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    public static func start(_ route: @escaping @Sendable (Request) -> Reply) async throws -> ProviderServer {
        let box = Mutex<ProviderServer?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RouteHandler { request in
                        box.withLock { $0 }?.log.withLock { $0.append(request) }
                        return route(request)
                    })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ProviderServer(channel: channel)
        box.withLock { $0 = server }
        return server
    }

    public func stop() async {
        try? await channel.close()
    }
}

/// Turns each complete request into the route's reply.
private final class RouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let route: @Sendable (ProviderServer.Request) -> ProviderServer.Reply
    private var head: HTTPRequestHead?

    init(_ route: @escaping @Sendable (ProviderServer.Request) -> ProviderServer.Reply) {
        self.route = route
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h): head = h
        case .body: break
        case .end:
            guard let head else { return }
            let components = URLComponents(string: "http://127.0.0.1" + head.uri)
            var query: [String: [String]] = [:]
            for item in components?.queryItems ?? [] { query[item.name, default: []].append(item.value ?? "") }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = ProviderServer.Request(method: head.method.rawValue, path: components?.path ?? head.uri, query: query, headers: headers)
            switch route(request) {
            case .never:
                return
            case .json(let body, let status, let extra):
                var responseHeaders = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(body.utf8.count))])
                responseHeaders.add(contentsOf: extra)
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: responseHeaders))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
            self.head = nil
        }
    }
}
