import RunbookKit

/// Everything that can happen to a drill: the reader's keys (already mapped by the
/// face), probe results arriving, inject timers firing, and the passing of time.
public enum DrillAction: Hashable, Sendable {
    /// Enter on the briefing: start the timer (a fresh run) or continue (a resumed one).
    case start
    /// y / n on the briefing's offer to continue an unfinished run.
    case acceptResumeOffer
    case declineResumeOffer
    /// A digit on the briefing when the directory does not know the reader: they are
    /// this member of the rotation (`DrillState.readerChoices`, 0-based).
    case chooseReader(index: Int)
    case probeResult(ProbeResult)
    /// The runner's clock tick: refreshes the elapsed time on screen.
    case tick
    case injectDue(index: Int)
    case moveCursor(by: Int)
    /// PgDn, PgUp, Space or the wheel: the first line of the step pane to show. The face
    /// works the line out, because only it knows the pane's height and the step's length.
    case scrollDetail(toLine: Int)
    case markDone
    case markSkipped
    /// `b`: opens the reason picker.
    case beginBlocked
    case pickerMove(by: Int)
    /// A digit 1–7, or Enter on the highlighted reason.
    case pickReason(BlockedReason)
    case pickHighlightedReason
    /// `n`: opens the one-line note entry.
    case beginNote
    case typeText(String)
    case deleteBackward
    /// Enter in a text line: an empty line skips the blocked note / drops the note.
    case submitText
    /// Esc: closes the picker, the note entry or the help.
    case cancel
    case undo
    case reprobe
    case toggleHelp
    /// `q`, Ctrl-C or a signal: pause, record it, and leave (resumable).
    case pauseAndQuit
    /// Any key on the summary.
    case dismissSummary
}

/// Work the reducer asks its runner to do. The runner performs appends before the next
/// frame is drawn, so nothing is shown as done before it is on disk.
public enum DrillEffect: Hashable, Sendable {
    /// Append and fsync one journal line.
    case append(JournalEvent)
    /// Probe these steps (1-based) in the background, as the reader.
    case startProbes(steps: [Int])
    /// `r`: probe this one step (1-based) again, forgetting only its own answers.
    case reprobeStep(Int)
    /// Send `.injectDue(index:)` once elapsed drill time reaches `atElapsedMs`.
    case armInjectTimer(index: Int, atElapsedMs: Int)
    /// Write `report.md` and `report.json` beside the journal.
    case writeReport
    /// Leave the UI loop.
    case exit(DrillExit)
}

/// Why the UI loop ended.
public enum DrillExit: Hashable, Sendable {
    /// Quit on the briefing before the timer started: nothing was recorded.
    case quitBeforeStart
    /// Paused; `--resume` continues it.
    case paused
    case finished(clean: Bool)
}
