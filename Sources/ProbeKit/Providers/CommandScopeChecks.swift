import Foundation
import RunbookKit
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Scope checks by command (`kubectl auth can-i …`, `aws iam simulate-principal-policy
/// …`): the argv from a `commands:` template runs directly (no shell), with a timeout.
/// Exit 0 means held, exit 1 not held, anything else (another code, a signal, a missing
/// program, the timeout) unknown with the reason.
public struct CommandScopeChecks: ScopeChecker {
    public let templates: [ScopeCommandTemplate]
    let timeout: Duration
    let now: @Sendable () -> Date

    /// Bytes of stderr kept for an unknown answer's reason.
    static let stderrLimit = 4096

    public init(commands: [ProviderSettings.CommandCheck], timeoutSeconds: Int, now: @escaping @Sendable () -> Date = Date.init) {
        templates = commands.map(ScopeCommandTemplate.init)
        timeout = .seconds(max(1, timeoutSeconds))
        self.now = now
    }

    /// The first template whose pattern covers the scope, in the file's order.
    public func template(for scope: String) -> ScopeCommandTemplate? { templates.first { $0.covers(scope) } }

    public func covers(scope: String) -> Bool { template(for: scope) != nil }

    public func check(scope: String, for subject: AccessSubject) async -> CheckedAnswer {
        guard let template = template(for: scope) else {
            return CheckedAnswer(answer: .unknown(reason: "no command check covers '\(scope)'"), provenance: Provenance(source: .command, detail: scope))
        }
        let fetchedAt = now()
        switch template.argv(for: scope, subject: subject) {
        case .failure(let failure):
            return CheckedAnswer(answer: .unknown(reason: failure.reason), provenance: Provenance(source: .command, detail: "`\(template.pattern)` check", fetchedAt: fetchedAt))
        case .success(let argv):
            let provenance = Provenance(source: .command, detail: "`\(argv.joined(separator: " "))`", fetchedAt: fetchedAt)
            return CheckedAnswer(answer: await run(argv), provenance: provenance)
        }
    }

    private func run(_ argv: [String]) async -> ScopeAnswer {
        guard let program = argv.first, !program.isEmpty else { return .unknown(reason: "the command check has an empty argv") }
        let shown = argv.joined(separator: " ")
        var platform = PlatformOptions()
        platform.createSession = true
        let timeout = timeout
        do {
            let run = try await Subprocess.run(
                program.contains("/") ? Executable.path(FilePath(program)) : Executable.name(program), arguments: Arguments(Array(argv.dropFirst())),
                platformOptions: platform, input: .none, output: .discarded, error: .sequence
            ) { execution in
                await Self.watch(execution, timeout: timeout)
            }
            return answer(shown, end: run.closureResult, status: run.terminationStatus)
        } catch {
            if (error as? SubprocessError)?.code == .executableNotFound {
                return .unknown(reason: "`\(program)` is not on PATH, so `\(shown)` could not run")
            }
            return .unknown(reason: "`\(shown)` could not run: \(error)")
        }
    }

    /// Waits for the check to close its stderr, or for the timeout, when its process group
    /// is shut down: a hung check answers unknown instead of holding the run.
    private static func watch(_ execution: Execution<NoInput, DiscardedOutput, SequenceOutput>,
                              timeout: Duration) async -> CommandRunEnd {
        await withTaskGroup(of: CommandRunEnd.self) { group in
            group.addTask { .finished(stderr: await stderrTail(execution.standardError)) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            if case .timedOut = first {
                await execution.teardown(using: [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))])
            }
            group.cancelAll()
            return first
        }
    }

    /// The last `stderrLimit` bytes of stderr, so a chatty check costs bounded memory.
    private static func stderrTail(_ stream: SubprocessOutputSequence) async -> [UInt8] {
        var tail: [UInt8] = []
        do {
            for try await buffer in stream {
                buffer.withUnsafeBytes { tail.append(contentsOf: $0) }
                if tail.count > stderrLimit { tail.removeFirst(tail.count - stderrLimit) }
            }
        } catch {}
        return tail
    }

    /// Exit 0 held, exit 1 not held; anything else unknown, with stderr's last line as the reason.
    private func answer(_ shown: String, end: CommandRunEnd, status: TerminationStatus) -> ScopeAnswer {
        switch (end, status) {
        case (.timedOut, _):
            return .unknown(reason: "`\(shown)` did not finish within \(timeout.components.seconds) s")
        case (_, .exited(0)):
            return .held
        case (_, .exited(1)):
            return .notHeld
        case (.finished(let stderr), .exited(let code)):
            return .unknown(reason: "`\(shown)` exited \(code)" + Self.lastLine(stderr).map { ": \($0)" }.orEmpty)
        case (.finished(let stderr), .signaled(let signal)):
            return .unknown(reason: "`\(shown)` was killed by signal \(signal)" + Self.lastLine(stderr).map { ": \($0)" }.orEmpty)
        }
    }

    private static func lastLine(_ bytes: [UInt8]) -> String? {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
    }
}

private enum CommandRunEnd: Sendable {
    case finished(stderr: [UInt8])
    case timedOut
}

private extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
