import AsyncHTTPClient
import NIOCore

/// Reads at most `limit` bytes of a response body, giving up once `deadline` has passed.
/// Stopping early drops the rest of the stream, which makes the client abandon the
/// response and close that connection: a 1 GB download costs a few kilobytes, never a
/// gigabyte.
enum BoundedBody {
    static func read(_ body: HTTPClientResponse.Body, limit: Int, until deadline: ContinuousClock.Instant) async -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await chunk in body {
                let room = limit - bytes.count
                if room <= 0 { break }
                bytes += chunk.readableBytesView.prefix(room)
                if bytes.count >= limit || ContinuousClock.now >= deadline { break }
            }
        } catch {
            return bytes
        }
        return bytes
    }
}
