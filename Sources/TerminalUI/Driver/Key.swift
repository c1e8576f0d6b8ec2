import DrillKit

/// A key as the drill understands it, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, backspace, tab
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl-C typed while the terminal is in raw-ish mode.
    case interrupt
    /// The terminal changed size.
    case resize
    /// The mouse wheel, where the terminal reports it.
    case wheelUp, wheelDown
}

/// Key → action, per mode: the controller table of the drill.
public enum KeyMap {
    /// Lines one turn of the mouse wheel scrolls.
    static let wheelLines = 3

    /// - Parameter pane: the step pane at the screen's size, which the scroll keys move over;
    ///   laid out only when a scroll key asks for it, not on every key.
    public static func action(for key: Key, in state: DrillState,
                              pane: @autoclosure () -> StepPaneMetrics = .empty) -> DrillAction? {
        if key == .interrupt { return .pauseAndQuit }
        switch state.mode {
        case .briefing:
            return briefingAction(for: key, in: state)
        case .steps:
            if let scroll = scrollAction(for: key, in: state, pane: pane()) { return scroll }
            return stepsAction(for: key)
        default:
            return overlayAction(for: key, in: state)
        }
    }

    static func briefingAction(for key: Key, in state: DrillState) -> DrillAction? {
        switch key {
        case .enter: return .start
        case .character("y"), .character("Y"): return state.resumeOffer == nil ? nil : .acceptResumeOffer
        case .character("n"), .character("N"): return state.resumeOffer == nil ? nil : .declineResumeOffer
        case .character("q"), .escape: return .pauseAndQuit
        case .character(let c):
            guard let digit = c.wholeNumberValue, digit >= 1, digit <= state.readerChoices.count else { return nil }
            return .chooseReader(index: digit - 1)
        default: return nil
        }
    }

    /// PgDn, Space, PgUp and the wheel move the step pane; nil when it would not move.
    static func scrollAction(for key: Key, in state: DrillState, pane: @autoclosure () -> StepPaneMetrics) -> DrillAction? {
        let direction: Int
        let byPage: Bool
        switch key {
        case .pageDown, .character(" "): (direction, byPage) = (1, true)
        case .pageUp: (direction, byPage) = (-1, true)
        case .wheelDown: (direction, byPage) = (1, false)
        case .wheelUp: (direction, byPage) = (-1, false)
        default: return nil
        }
        let pane = pane()
        let delta = direction * (byPage ? max(1, pane.textRows - 1) : wheelLines)
        return .scrollDetail(toLine: pane.clamped(state.detailScroll + delta))
    }

    static func stepsAction(for key: Key) -> DrillAction? {
        switch key {
        case .character("d"): return .markDone
        case .character("b"): return .beginBlocked
        case .character("s"): return .markSkipped
        case .character("n"): return .beginNote
        case .character("r"): return .reprobe
        case .character("u"): return .undo
        case .character("?"): return .toggleHelp
        case .character("q"): return .pauseAndQuit
        case .up, .character("k"), .left: return .moveCursor(by: -1)
        case .down, .character("j"), .right: return .moveCursor(by: 1)
        case .home: return .moveCursor(by: -Int(Int32.max))
        case .end: return .moveCursor(by: Int(Int32.max))
        default: return nil
        }
    }

    /// The reason picker, the text entries, the help and the summary.
    static func overlayAction(for key: Key, in state: DrillState) -> DrillAction? {
        switch state.mode {
        case .briefing, .steps:
            return nil
        case .reasonPicker:
            switch key {
            case .character(let c):
                if let digit = c.wholeNumberValue, (1...BlockedReason.allCases.count).contains(digit) {
                    return .pickReason(BlockedReason.allCases[digit - 1])
                }
                return c == "q" ? .cancel : nil
            case .up: return .pickerMove(by: -1)
            case .down, .tab: return .pickerMove(by: 1)
            case .enter: return .pickHighlightedReason
            case .escape: return .cancel
            default: return nil
            }
        case .blockedNote, .note:
            switch key {
            case .character(let c): return .typeText(String(c))
            case .backspace: return .deleteBackward
            case .enter: return .submitText
            case .escape: return .cancel
            default: return nil
            }
        case .help:
            switch key {
            case .character("?"), .escape, .character("q"), .enter: return .toggleHelp
            default: return nil
            }
        case .summary:
            return key == .resize ? nil : .dismissSummary
        }
    }
}
