import Foundation
import Testing

/// Every tmux server and program a test starts ends with the test, pass or fail: a
/// server left behind keeps its pane's program (a zombie `coldread`) for ever.
@Suite("tmux sessions end with their test")
struct TmuxSessionTests {
    struct Thrown: Error {}

    /// The tmux server's pid and the pid of the program in its pane.
    static func pids(of session: TmuxSession) async throws -> [Int32] {
        let server = Int32(try await session.tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return [server, try await session.panePid()]
    }

    /// True once none of `pids` is a live process or a zombie waiting to be reaped.
    static func allGone(_ pids: [Int32], seconds: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if pids.allSatisfy({ !FileManager.default.fileExists(atPath: "/proc/\($0)") }) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func aSessionEndsWhenItsTestReturns() async throws {
        var pids: [Int32] = []
        do {
            let session = try await TmuxSession(command: "sleep 300", directory: NSTemporaryDirectory())
            pids = try await Self.pids(of: session)
        }
        #expect(pids.count == 2 && pids.allSatisfy { $0 > 0 })
        #expect(await Self.allGone(pids), "still running: \(pids)")
    }

    @Test func aSessionEndsWhenItsTestThrows() async throws {
        var pids: [Int32] = []
        do {
            let session = try await TmuxSession(command: "sleep 300", directory: NSTemporaryDirectory())
            pids = try await Self.pids(of: session)
            throw Thrown()
        } catch is Thrown {}
        #expect(pids.count == 2 && pids.allSatisfy { $0 > 0 })
        #expect(await Self.allGone(pids), "still running: \(pids)")
    }

    @Test func aSessionLeavesNoSocketFileBehind() async throws {
        var socket = ""
        do {
            let session = try await TmuxSession(command: "sleep 300", directory: NSTemporaryDirectory())
            let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            socket = "\(folder)/tmux-\(getuid())/\(session.socket)"
            #expect(FileManager.default.fileExists(atPath: socket))
        }
        #expect(!FileManager.default.fileExists(atPath: socket), "\(socket) is left behind")
    }
}
