import DrillKit
import Foundation
import Jobs
import ProbeKit
import TerminalUI

/// Takes the terminal for the drill and gives it back on every way out: the loop's end,
/// a thrown error, a stop signal (through `SignalTrap`) or a crash (its handler).
/// The loop runs on its own thread so waiting for keys never occupies the concurrency
/// pool that probes run on.
enum DrillTerminal {
    static func run(_ setup: DrillSetup, credentials: Credentials) async throws -> DrillRunOutcome {
        let utf8 = CursesScreen.prepareLocale()
        let color = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let inbox = ActionInbox()
        let world = DrillWorld(setup: setup, inbox: inbox, credentials: credentials)
        let trap = SignalTrap()
        trap.install()
        CursesScreen.restoreTerminalOnCrash()
        let outcome: Result<DrillRunOutcome, any Error>
        do {
            outcome = .success(try await loop(setup, world: world, inbox: inbox, trap: trap, utf8: utf8, color: color))
        } catch {
            outcome = .failure(error)
        }
        // However the loop ended (q, a signal, an error), no command probe outlives it.
        ProbeProcessGroups.killAll()
        await world.shutdown()
        return try outcome.get()
    }

    private static func loop(_ setup: DrillSetup, world: DrillWorld, inbox: ActionInbox, trap: SignalTrap,
                             utf8: Bool, color: Bool) async throws -> DrillRunOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                guard let screen = CursesScreen(utf8: utf8, color: color, redaction: Outbound.redaction) else {
                    continuation.resume(throwing: CommandFailure.input("coldread drill: this terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset")) cannot be driven by curses (hint: set TERM=xterm-256color, or use `coldread dry-run`)"))
                    return
                }
                let runner = DrillRunner(state: setup.state, reducer: DrillReducer(timeline: setup.timeline), screen: screen,
                                         inbox: inbox, services: world, signals: trap, redaction: Outbound.redaction)
                let outcome = Result { try runner.run() }
                // The terminal is given back before the caller prints anything.
                screen.end()
                switch outcome {
                case .success(let outcome): continuation.resume(returning: outcome)
                case .failure(let error):
                    continuation.resume(throwing: CommandFailure.internal("coldread drill: \(error) (hint: the journal keeps every acknowledged step; continue with --resume \(runner.state.context.runId))"))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
