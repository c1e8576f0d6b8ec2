import ReportKit

/// The review's loop: draw the page, read a key, until `q` or a stop signal. The screen
/// is the caller's to open and end, so the loop runs on a scripted screen in tests.
public enum ReviewLoop {
    public static func run(_ report: RunReport, on screen: any Screen, signals: SignalTrap?) {
        var state = ReviewState()
        // The page changes only on a key (a resize arrives as one), so it is laid out and
        // drawn again only then; the timeout is there to notice a stop signal.
        var dirty = true
        while !state.quit && signals?.signal == nil {
            if dirty {
                screen.draw(ReviewView.render(report, state, size: screen.size, glyphs: screen.glyphs))
                dirty = false
            }
            if let key = screen.readKey(timeoutMs: 250) {
                state.handle(key, stepCount: report.steps.count)
                dirty = true
            }
        }
    }
}
