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
}

/// Key → action, per mode: the controller table of the drill.
public enum KeyMap {
    public static func action(for key: Key, in state: DrillState) -> DrillAction? {
        if key == .interrupt { return .pauseAndQuit }
        switch state.mode {
        case .briefing:
            switch key {
            case .enter: return .start
            case .character("y"), .character("Y"): return state.resumeOffer == nil ? nil : .acceptResumeOffer
            case .character("n"), .character("N"): return state.resumeOffer == nil ? nil : .declineResumeOffer
            case .character("q"), .escape: return .pauseAndQuit
            default: return nil
            }
        case .steps:
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
            case .pageUp: return .moveCursor(by: -10)
            case .pageDown: return .moveCursor(by: 10)
            case .home: return .moveCursor(by: -Int(Int32.max))
            case .end: return .moveCursor(by: Int(Int32.max))
            default: return nil
            }
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
