import AsyncHTTPClient
import NIOCore

/// Reads at most `limit` bytes of a response body, and no later than `deadline`. Stopping
/// early drops the rest of the stream, which makes the client abandon the response and
/// close that connection: a 1 GB download costs a few kilobytes, never a gigabyte.
enum BoundedBody {
    static func read(_ body: HTTPClientResponse.Body, limit: Int, until deadline: ContinuousClock.Instant) async -> [UInt8] {
        await withTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                var bytes: [UInt8] = []
                do {
                    for try await chunk in body {
                        let room = limit - bytes.count
                        if room <= 0 { break }
                        bytes += chunk.readableBytesView.prefix(room)
                        if bytes.count >= limit { break }
                    }
                } catch {
                    return bytes
                }
                return bytes
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? []
        }
    }
}
