import Foundation
import Jobs
import TerminalUI

/// What `drill` and `review` set up before curses takes the terminal: the locale, colour
/// (off under NO_COLOR), the signal trap, and the crash handler that gives the terminal
/// back. One place, so both screens start, and fail to start, alike.
struct CursesStart: Sendable {
    let utf8: Bool
    let color: Bool
    let trap: SignalTrap

    init() {
        utf8 = CursesScreen.prepareLocale()
        color = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        trap = SignalTrap()
        trap.install()
        CursesScreen.restoreTerminalOnCrash()
    }

    /// The screen, or one line naming the terminal and `alternative`, the headless command to use instead.
    func screen(command: String, alternative: String) throws(CommandFailure) -> CursesScreen {
        guard let screen = CursesScreen(utf8: utf8, color: color, redaction: Outbound.redaction) else {
            throw .input("coldread \(command): this terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset")) cannot be driven by curses (hint: set TERM=xterm-256color, or use `\(alternative)`)")
        }
        return screen
    }
}
