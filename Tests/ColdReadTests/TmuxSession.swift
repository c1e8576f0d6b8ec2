import ChildProcess
import Foundation

/// Drives a program in a detached tmux pane, the way a person at a terminal would:
/// send keys, read the screen with `capture-pane`, and wait (polling, with a deadline)
/// until the screen shows what the test expects. Each session has its own tmux server
/// socket, so tests never touch a user's tmux.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor); the pane shows:\n\(screen)" }
    }

    let socket: String
    let name = "pane"

    /// Starts `command` (run by `sh -c`) in a `width`×`height` pane in `directory`.
    init(command: String, directory: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) async throws {
        socket = "coldread-test-" + UUID().uuidString.prefix(8)
        var arguments = ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "-c", directory]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        try await tmux(arguments)
        // Keep the pane on screen after the program exits, so its last words can be read.
        try await tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Runs one tmux command and returns its stdout. `ChildProcess` starts it with a clean
    /// signal mask (so the server it forks reaps its pane and obeys `kill-server`) and
    /// keeps stdout in a file, not a pipe the forked server would hold open. Awaited, so
    /// the test's wait for tmux holds no thread of the cooperative pool.
    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        try await ChildProcess.run("tmux", tmuxArguments(arguments), environment: Self.environment).stdout
    }

    private func tmuxArguments(_ arguments: [String]) -> [String] { ["-L", socket, "-f", "/dev/null"] + arguments }

    private static var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
    }

    /// Types keys: tmux key names (`Enter`, `Up`, `C-c`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) async throws {
        try await tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The pane's text, scrollback included: when the program exits, tmux writes "Pane is
    /// dead" on the bottom line and scrolls the screen up by one, so the program's first
    /// line of output may sit in the history.
    func screen() async throws -> String { try await tmux(["capture-pane", "-p", "-S", "-", "-t", name]) }

    /// Polls the pane until `condition` holds on its text, or throws after `seconds`.
    @discardableResult
    func waitUntil(_ description: String, seconds: Double = 15, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Timeout(waitingFor: description, screen: last)
    }

    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) async throws -> String {
        try await waitUntil("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the process running in the pane.
    func panePid() async throws -> Int32 {
        Int32(try await tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Ends the server and, through it, the pane's program. Runs from `deinit`, so a
    /// session ends with its test whether the test passed, failed or threw. Waits for tmux
    /// in place (a deinit cannot await; `kill-server` answers at once).
    func kill() {
        _ = try? ChildProcess("tmux", tmuxArguments(["kill-server"]), environment: Self.environment).wait()
        // tmux leaves its socket file behind; the session's last trace goes with it.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }
}
