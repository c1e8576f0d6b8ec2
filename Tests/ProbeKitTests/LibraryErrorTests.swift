import AsyncHTTPClient
import NIOCore
import NIOHTTP1
@testable import ProbeKit
import Testing

/// A library's error text can quote what it refused (the reader's token in a header);
/// a link outcome's reason names the kind of failure and the header, never the text.
@Suite struct LibraryErrorTests {
    static let secret = "lib-s3cr3t-9a7b"

    @Test func aRejectedHeaderValueIsNamedNotQuoted() {
        var sent = HTTPHeaders()
        sent.add(name: "User-Agent", value: "coldread")
        sent.add(name: "Authorization", value: "Bearer \(Self.secret)\n")
        let error = HTTPClientError.invalidHeaderFieldValues(["Bearer \(Self.secret)\n"])
        let (outcome, reason) = NetworkErrorOutcome.classify(error, host: "a.test", sent: sent)
        #expect(outcome == .unreachable)
        #expect(reason == "invalid header value for Authorization")
    }

    @Test func otherLibraryErrorsAreSummarisedByKind() {
        let (_, unsupported) = NetworkErrorOutcome.classify(HTTPClientError.unsupportedScheme("ftp-\(Self.secret)"), host: "a.test")
        #expect(unsupported == "request to a.test failed: unsupported scheme")
        let (_, names) = NetworkErrorOutcome.classify(HTTPClientError.invalidHeaderFieldNames(["X \(Self.secret)"]), host: "a.test")
        #expect(!names.contains(Self.secret))
        let (_, channel) = NetworkErrorOutcome.classify(ChannelError.inappropriateOperationForState, host: "a.test")
        #expect(channel == "cannot reach a.test: inappropriate operation for state")
    }
}
