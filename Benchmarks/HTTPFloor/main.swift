import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// The floor under `coldread probe`: AsyncHTTPClient alone, configured as the probe
/// configures it, sending one GET per URL of a list with the same concurrency bounds and
/// reading each body, with none of the probe's own work (no runbooks, redirects, SSO
/// checks, cache or report). Benchmarks/probe-vs-lychee runs it beside both tools, so
/// the figures say how much of coldread's time is the HTTP client's.
///
/// Usage: http-floor URL_LIST [MAX_CONCURRENCY] [HOST_CONCURRENCY]
let arguments = CommandLine.arguments
guard arguments.count >= 2, let list = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: http-floor URL_LIST [MAX_CONCURRENCY] [HOST_CONCURRENCY]\n".utf8))
    exit(2)
}
let urls = list.split(separator: "\n").map(String.init)
let maxConcurrency = arguments.count > 2 ? Int(arguments[2]) ?? 128 : 128
let hostConcurrency = arguments.count > 3 ? Int(arguments[3]) ?? 8 : 8

var configuration = HTTPClient.Configuration()
configuration.redirectConfiguration = .disallow
configuration.timeout = .init(connect: .seconds(10), read: .seconds(10))
configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: hostConcurrency)
configuration.decompression = .disabled
configuration.tracing.tracer = nil
let client = HTTPClient(eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: configuration)

let answered = await withTaskGroup(of: Bool.self) { group in
    var live = 0
    var answered = 0
    for url in urls {
        if live >= maxConcurrency, let ok = await group.next() {
            live -= 1
            answered += ok ? 1 : 0
        }
        live += 1
        group.addTask {
            do {
                let response = try await client.execute(HTTPClientRequest(url: url), deadline: .now() + .seconds(10))
                for try await _ in response.body {}
                return true
            } catch {
                return false
            }
        }
    }
    for await ok in group { answered += ok ? 1 : 0 }
    return answered
}
try? await client.shutdown()
print("answered \(answered) of \(urls.count)")
