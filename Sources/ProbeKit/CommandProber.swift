import Foundation
import RunbookKit
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a step's declared check (`kubectl auth can-i …`) as the reader: an argv handed to
/// the kernel as it is, never to a shell, so `$(…)`, `;` and `*` stay literal text. The
/// run is stopped at the timeout (with everything it started), and only the tail of its
/// output is kept.
struct CommandProber: Sendable {
    let options: ProbeOptions
    let tools: ToolProber

    /// Lines of stderr kept in a failure's evidence.
    static let stderrLines = 5

    func probe(argv: [String], step: Int) async -> ProbeResult {
        var result = ProbeResult(kind: .command, step: step, outcome: .fail, argv: argv)
        guard let name = argv.first, !name.isEmpty else {
            result.reason = "empty command"
            return result
        }
        guard let path = tools.locate(name) else {
            result.reason = "'\(name)' is not on the reader's PATH"
            return result
        }
        var platform = PlatformOptions()
        platform.createSession = true
        // On cancellation (a deadline, SIGTERM) the whole group goes, not just its leader.
        platform.teardownSequence = Self.killGroup
        let limit = options.commandOutputLimit
        let timeout = options.commandTimeout
        do {
            let run = try await Subprocess.run(
                .path(FilePath(path)), arguments: Arguments(Array(argv.dropFirst())), environment: environment,
                platformOptions: platform, input: .none, output: .sequence, error: .sequence
            ) { execution in
                ProbeProcessGroups.enter(execution.processIdentifier.value)
                defer { ProbeProcessGroups.leave(execution.processIdentifier.value) }
                return try await Self.watch(execution, limit: limit, timeout: timeout)
            }
            record(run.closureResult, status: run.terminationStatus, into: &result)
        } catch {
            result.reason = "could not run '\(name)': \(error)"
        }
        return result
    }

    /// The reader's environment, or the one the options set in its place.
    private var environment: Subprocess.Environment {
        options.commandEnvironment.map { env in
            .custom(Dictionary(uniqueKeysWithValues: env.compactMap { key, value in
                Subprocess.Environment.Key(rawValue: key).map { ($0, value) }
            }))
        } ?? .inherit
    }

    /// Drains both streams (keeping stderr's tail) until they close or the timeout comes
    /// first, when the whole process group is killed: a probe never outlives its budget.
    private static func watch(_ execution: Execution<NoInput, SequenceOutput, SequenceOutput>,
                              limit: Int, timeout: Duration) async throws -> CommandEnd {
        try await withThrowingTaskGroup(of: CommandPart.self) { group in
            group.addTask { .output(await OutputTail.collect(execution.standardOutput, limit: limit)) }
            group.addTask { .error(await OutputTail.collect(execution.standardError, limit: limit)) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return .timedOut
            }
            var error: [UInt8] = []
            var timedOut = false
            var streamsOpen = 2
            while streamsOpen > 0, let part = try await group.next() {
                switch part {
                case .output: streamsOpen -= 1
                case .error(let bytes): error = bytes; streamsOpen -= 1
                case .timedOut:
                    timedOut = true
                    await execution.teardown(using: Self.killGroup)
                }
            }
            group.cancelAll()
            return CommandEnd(stderr: error, timedOut: timedOut)
        }
    }

    /// Turns how the command ended into the result's outcome and evidence.
    private func record(_ end: CommandEnd, status: TerminationStatus, into result: inout ProbeResult) {
        if end.timedOut {
            result.outcome = .timeout
            result.reason = "still running after \(formatSeconds(options.commandTimeout)); stopped"
            return
        }
        switch status {
        case .exited(0):
            result.outcome = .pass
        case .exited(let code):
            result.exitCode = Int(code)
            result.stderrTail = OutputTail.lastLines(end.stderr, count: Self.stderrLines)
        case .signaled(let signal):
            result.reason = "killed by signal \(signal)"
            result.stderrTail = OutputTail.lastLines(end.stderr, count: Self.stderrLines)
        }
    }

    /// SIGKILL to the probe's process group at once: a SIGTERM first would let a shell
    /// die and orphan a child that ignores it, and a probe has no state worth saving.
    static let killGroup: [TeardownStep] = [.send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))]

    private func formatSeconds(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(Double(ms) / 1000)s"
    }
}

private enum CommandPart: Sendable {
    case output([UInt8])
    case error([UInt8])
    case timedOut
}

private struct CommandEnd: Sendable {
    var stderr: [UInt8]
    var timedOut: Bool
}

/// Keeps the last bytes of a stream, so a chatty command costs bounded memory and the
/// evidence shows how it ended.
enum OutputTail {
    static func collect(_ stream: SubprocessOutputSequence, limit: Int) async -> [UInt8] {
        var tail: [UInt8] = []
        do {
            for try await buffer in stream {
                buffer.withUnsafeBytes { tail.append(contentsOf: $0) }
                if tail.count > limit * 2 { tail.removeFirst(tail.count - limit) }
            }
        } catch {
            return Array(tail.suffix(limit))
        }
        return Array(tail.suffix(limit))
    }

    /// The last `count` non-blank lines.
    static func lastLines(_ bytes: [UInt8], count: Int) -> String? {
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return lines.isEmpty ? nil : lines.suffix(count).joined(separator: "\n")
    }
}
