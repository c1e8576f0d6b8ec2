import DrillKit
import Foundation
import ProbeKit
import TerminalUI

/// Runs the drill's loop on a screen the caller opens (the executable opens curses;
/// nothing here knows the terminal), and gives every probe back on every way out: the
/// loop's end, a thrown error, a stop signal (through `SignalTrap`).
/// The loop runs on its own thread so waiting for keys never occupies the concurrency
/// pool that probes run on.
public enum DrillTerminal {
    /// Opens the screen on the loop's thread; it throws a `CommandFailure` when the
    /// terminal cannot be driven. The screen is ended before this returns.
    public typealias OpenScreen = @Sendable () throws -> any Screen

    public static func run(_ setup: DrillSetup, credentials: Credentials, trap: SignalTrap,
                           openScreen: @escaping OpenScreen) async throws -> DrillRunOutcome {
        let inbox = ActionInbox()
        let world = DrillWorld(setup: setup, inbox: inbox, credentials: credentials)
        let outcome: Result<DrillRunOutcome, any Error>
        do {
            outcome = .success(try await loop(setup, world: world, inbox: inbox, trap: trap, openScreen: openScreen))
        } catch {
            outcome = .failure(error)
        }
        // However the loop ended (q, a signal, an error), no command probe outlives it.
        ProbeProcessGroups.killAll()
        await world.shutdown()
        return try outcome.get()
    }

    private static func loop(_ setup: DrillSetup, world: DrillWorld, inbox: ActionInbox, trap: SignalTrap,
                             openScreen: @escaping OpenScreen) async throws -> DrillRunOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let screen: any Screen
                do {
                    screen = try openScreen()
                } catch {
                    continuation.resume(throwing: error)
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
