import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP server on 127.0.0.1 for one test. It answers each request with what the
/// test's `reply` says, and records every request so a test can assert what a server saw
/// (how many requests, which headers).
final class TestHTTPServer: Sendable {
    struct Request: Sendable {
        var method: HTTPMethod
        var uri: String
        var headers: [(name: String, value: String)]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    enum Reply: Sendable {
        case respond(Int, headers: [(String, String)] = [], body: String = "")
        /// A body of `bytes` bytes, produced lazily as the client reads it.
        case stream(bytes: Int, contentType: String)
        /// Reads the request and never answers.
        case silence
        /// Sends a head promising a long body, then `prefix` of it, then nothing more while
        /// the connection stays open: a body that stalls after its head.
        case stallAfterHead(Int = 200, headers: [(String, String)] = [], prefix: String, contentType: String)
        /// Answers `status` after `delay`, so requests overlap and a test can count how
        /// many were in flight at once.
        case delayed(Int, delay: TimeAmount)
    }

    typealias Responder = @Sendable (_ request: Request, _ index: Int) -> Reply

    let port: Int
    private let channel: Channel

    private init(channel: Channel, state: State) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
        self.state = state
    }

    /// Shared between the server object and its connection handlers.
    final class State: Sendable {
        let requests = Mutex<[Request]>([])
        let bytesSent = Mutex<Int>(0)
        /// Requests being answered now, and the most there ever were, per `Host` header.
        let inFlight = Mutex<(now: [String: Int], peak: [String: Int], total: Int, peakTotal: Int)>(([:], [:], 0, 0))
    }
    private let state: State

    static func start(_ reply: @escaping Responder) async throws -> TestHTTPServer {
        let state = State()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(state: state, reply: reply))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestHTTPServer(channel: channel, state: state)
    }

    var requests: [Request] { state.requests.withLock { $0 } }
    var bytesSent: Int { state.bytesSent.withLock { $0 } }
    /// The most `.delayed` requests this server held at once, in all and per `Host` header.
    var peakInFlight: (total: Int, byHost: [String: Int]) { state.inFlight.withLock { ($0.peakTotal, $0.peak) } }
    var url: String { "http://127.0.0.1:\(port)" }

    func stop() async {
        try? await channel.close()
    }

    /// Lives on its channel's event loop; the streaming callbacks reach it through a
    /// loop-bound box.
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let state: State
        let reply: Responder
        var head: HTTPRequestHead?

        init(state: State, reply: @escaping Responder) {
            self.state = state
            self.reply = reply
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h): head = h
            case .body: break
            case .end:
                guard let h = head else { return }
                let request = Request(method: h.method, uri: h.uri, headers: h.headers.map { ($0.name, $0.value) })
                let index = state.requests.withLock { log in
                    log.append(request)
                    return log.count - 1
                }
                answer(reply(request, index), head: h, context: context)
            }
        }

        private func answer(_ reply: Reply, head: HTTPRequestHead, context: ChannelHandlerContext) {
            switch reply {
            case .silence:
                return
            case .stallAfterHead(let status, let extra, let prefix, let type):
                let headers = HTTPHeaders(extra + [("Content-Type", type), ("Content-Length", String(prefix.utf8.count + 1_000_000))])
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: headers))), promise: nil)
                if head.method == .HEAD {
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                    return
                }
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: prefix)))), promise: nil)
            case .delayed(let status, let delay):
                let host = head.headers.first(name: "host") ?? ""
                state.inFlight.withLock { counts in
                    counts.now[host, default: 0] += 1
                    counts.total += 1
                    counts.peak[host] = max(counts.peak[host, default: 0], counts.now[host]!)
                    counts.peakTotal = max(counts.peakTotal, counts.total)
                }
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: delay) {
                    let (handler, context) = loopBound.value
                    handler.state.inFlight.withLock { counts in
                        counts.now[host, default: 1] -= 1
                        counts.total -= 1
                    }
                    handler.answer(.respond(status, headers: [("Content-Type", "application/json")]), head: head, context: context)
                }
            case .respond(let status, let extra, let body):
                var headers = HTTPHeaders(extra)
                if !headers.contains(name: "content-length") { headers.add(name: "Content-Length", value: String(body.utf8.count)) }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: headers))), promise: nil)
                if head.method != .HEAD, !body.isEmpty {
                    context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
                }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .stream(let total, let type):
                let headers = HTTPHeaders([("Content-Type", type), ("Content-Length", String(total))])
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
                if head.method == .HEAD {
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                    return
                }
                context.flush()
                streamChunk(remaining: total, context: context)
            }
        }

        /// Writes the next chunk only after the previous one left, so nothing is produced
        /// ahead of what the client reads.
        private func streamChunk(remaining: Int, context: ChannelHandlerContext) {
            guard remaining > 0 else {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            let size = min(remaining, 64 * 1024)
            let buffer = context.channel.allocator.buffer(repeating: UInt8(ascii: "a"), count: size)
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).whenComplete { result in
                guard case .success = result else { return }
                let (handler, context) = loopBound.value
                handler.state.bytesSent.withLock { $0 += size }
                handler.streamChunk(remaining: remaining - size, context: context)
            }
        }
    }
}
