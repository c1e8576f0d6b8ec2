import Foundation

/// A program the tests start: the built `coldread`, git, python3, systemd-analyze.
///
/// Spawned with posix_spawn and reaped with waitpid on its own pid, never through
/// Foundation's Process: with many tests starting children at once (and swift-subprocess
/// running command probes in the same process), Process now and then missed a child's
/// exit, left it a zombie and hung `waitUntilExit` for ever. Output goes to temporary
/// files rather than pipes, so nothing has to be drained while the child runs and a
/// grandchild that inherits the descriptors (tmux) cannot hold a read open.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `pid` is set once in init; `reaped` is read and written only by `wait()`
    // (directly, or on the thread `finished()` starts and awaits), which the test calls
    // from one task.
    public struct Outcome: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let pid: pid_t
    private let folder: String
    private var reaped: Outcome?

    /// Starts `executable` (a path, or a name looked up on PATH) with `arguments` in
    /// `directory`. `environment` replaces the current one when given; `input` is fed
    /// to its stdin (empty when nil).
    public init(_ executable: String, _ arguments: [String], in directory: String? = nil,
                environment: [String: String]? = nil, input: String? = nil) throws {
        folder = NSTemporaryDirectory() + "coldread-child-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: folder + "/in"))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, folder + "/in", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // The working directory is set by env(1) (`-C`), which then execs the program in
        // the same process: glibc's posix_spawn_file_actions_addchdir_np is not visible
        // to Swift here.
        let argv = directory.map { ["/usr/bin/env", "-C", $0, executable] + arguments } ?? [executable] + arguments
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var attributes = Self.cleanSignals()
        defer { posix_spawnattr_destroy(&attributes) }
        var pid: pid_t = 0
        let spawned = argv[0].contains("/")
            ? posix_spawn(&pid, argv[0], &actions, &attributes, &cArgv, &cEnv)
            : posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgv, &cEnv)
        guard spawned == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw SpawnFailure(executable: executable, code: spawned)
        }
        self.pid = pid
    }

    /// Spawn attributes that give the child no blocked signals and every signal's default
    /// action. A test runs on a pool thread that blocks signals, and a child inherits that
    /// mask: a tmux server started with SIGCHLD blocked never reaped its pane's program,
    /// and with SIGHUP and SIGTERM blocked it outlived `kill-server`, leaving servers and
    /// zombie `coldread`s behind every run.
    private static func cleanSignals() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attributes
    }

    deinit {
        if reaped == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs a program to its end and returns what it said.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String]? = nil, input: String? = nil) throws -> Outcome {
        try ChildProcess(executable, arguments, in: directory, environment: environment, input: input).wait()
    }

    /// Runs a program to its end and returns what it said, waiting as `finished()` does:
    /// the test's task is suspended, not a pool thread blocked.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String]? = nil, input: String? = nil) async throws -> Outcome {
        try await ChildProcess(executable, arguments, in: directory, environment: environment, input: input).finished()
    }

    /// Sends `signal` (SIGTERM by default) to the child.
    public func signal(_ signal: Int32 = SIGTERM) { kill(pid, signal) }

    /// Waits for the child to end and returns its status and output.
    public func wait() -> Outcome {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signalled = status & 0x7F
        let outcome = Outcome(
            status: signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled,
            stdout: (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? "")
        reaped = outcome
        return outcome
    }

    /// Waits for the child to end, as `wait()` does, but with the blocking `waitpid` on a
    /// thread of its own: an async test that called `wait()` held one of the cooperative
    /// pool's threads (two on a two-core machine) for as long as the child ran, and every
    /// other test in the process stalled behind it. A plain `Thread`, not a dispatch
    /// queue: on Linux the pool is built on libdispatch's global queues. The caller awaits
    /// the answer, so `reaped` is still read and written by one caller at a time.
    public func finished() async -> Outcome {
        if let reaped { return reaped }
        return await withCheckedContinuation { continuation in
            let waiter = Thread { continuation.resume(returning: self.wait()) }
            waiter.name = "ChildProcess.wait \(pid)"
            waiter.start()
        }
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "cannot start \(executable) (error \(code))" }
    }
}
