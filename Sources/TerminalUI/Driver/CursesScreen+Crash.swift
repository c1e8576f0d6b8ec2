import CNcurses
import Foundation

extension CursesScreen {
    /// Gives the terminal back when the process crashes. Crashing signals (SIGSEGV,
    /// SIGILL, SIGTRAP, SIGABRT, SIGBUS) cannot wait for a dispatch source the way stop
    /// signals do (`SignalTrap`), so a handler restores the terminal and re-raises.
    public static func restoreTerminalOnCrash() {
        for signo in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signo in
                endwin()
                Foundation.signal(signo, SIG_DFL)
                raise(signo)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signo, &action, nil)
        }
    }
}
