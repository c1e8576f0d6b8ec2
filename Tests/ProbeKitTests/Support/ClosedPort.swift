import Foundation
import Testing

/// A loopback port bound but never listened on: it refuses connections, and stays the
/// test's until `close()` (call it in a `defer`), so no server of a test running in
/// parallel can take it.
struct ClosedPort {
    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        if !bound { _ = Foundation.close(fd) }
        try #require(bound)
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Foundation.close(fd) }

    /// Starts accepting connections (the kernel's backlog; nobody ever answers them), so
    /// a test can tell whether a client tried the port again.
    func listen() throws {
        try #require(Foundation.listen(fd, 16) == 0)
    }
}
