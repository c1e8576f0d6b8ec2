import Dispatch
import RunbookKit
import Synchronization
import Testing

/// The lint loads runbooks on every core at once; each must load as it does alone.
@Suite struct ConcurrentLoadTests {
    /// cmark-gfm's extension trigger characters live in one process-wide table, so
    /// concurrent parses used to drop bare-URL autolinks now and then.
    @Test func bareURLsAreFoundWhileOtherRunbooksParse() throws {
        let steps = (1...40).map { "\($0). See https://host\($0).example/path and www.site\($0).example now, ~~not~~ later." }
        let markdown = "# T\n## Steps\n" + steps.joined(separator: "\n")
        let expected = try RunbookLoader.parse(markdown, file: "rb.md").steps.map { $0.links.map(\.url) }
        #expect(expected.allSatisfy { $0.count == 2 })
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            let links = (try? RunbookLoader.parse(markdown, file: "rb.md"))?.steps.map { $0.links.map(\.url) }
            if links != expected { mismatches.withLock { $0 += 1 } }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }
}
