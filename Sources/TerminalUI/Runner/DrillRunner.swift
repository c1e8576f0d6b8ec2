import DrillKit
import Foundation
import RunbookKit

/// Work the runner hands to the outside world: starting probes and writing reports.
public protocol DrillServices: AnyObject {
    /// Starts probing the steps in the background; results go to the inbox.
    func startProbes(steps: [Int], of state: DrillState)
    /// Probes one step again, forgetting only that step's answers; results go to the inbox.
    func reprobe(step: Int, of state: DrillState)
    /// Writes `report.md` and `report.json` beside the journal.
    func writeReport(_ state: DrillState) throws
}

/// How the UI loop ended.
public struct DrillRunOutcome: Sendable {
    public var exit: DrillExit
    /// The stop signal that ended the loop, if one did.
    public var signal: Int32?
    public var state: DrillState
}

/// The drill's event loop: keys and inbox actions go through the reducer, effects run
/// (journal appends fsynced first), and only then is the new frame drawn. It never
/// blocks for longer than one key timeout, so probe results and signals are seen
/// promptly.
public final class DrillRunner {
    public private(set) var state: DrillState
    private let reducer: DrillReducer
    private let screen: any Screen
    private let inbox: ActionInbox
    private let services: any DrillServices
    private let signals: SignalTrap?
    private let keyTimeoutMs: Int
    private var journal: JournalWriter?
    /// The output redaction every journal line passes.
    private let redaction: Redaction
    private var armedInjects: [(index: Int, atElapsedMs: Int)] = []
    private var exit: DrillExit?
    private var lastFrame: Frame?

    public init(state: DrillState, reducer: DrillReducer, screen: any Screen, inbox: ActionInbox,
                services: any DrillServices, signals: SignalTrap? = nil, keyTimeoutMs: Int = 100,
                redaction: Redaction = .standard) {
        self.state = state
        self.redaction = redaction
        self.reducer = reducer
        self.screen = screen
        self.inbox = inbox
        self.services = services
        self.signals = signals
        self.keyTimeoutMs = keyTimeoutMs
    }

    public func run() throws -> DrillRunOutcome {
        redraw(force: true)
        while exit == nil {
            if let signal = signals?.signal {
                try dispatch(.pauseAndQuit)
                return DrillRunOutcome(exit: exit ?? .paused, signal: signal, state: state)
            }
            try step(key: screen.readKey(timeoutMs: keyTimeoutMs))
        }
        return DrillRunOutcome(exit: exit ?? .paused, signal: nil, state: state)
    }

    /// One turn of the loop: background actions, timers, then the key (if any).
    public func step(key: Key?) throws {
        for action in inbox.drain() where exit == nil { try dispatch(action) }
        let now = reducer.timeline.processMs() + state.timelineBaseMs
        if state.progress.phase == .running {
            let elapsed = state.progress.elapsedMs(now: now)
            let due = armedInjects.filter { $0.atElapsedMs <= elapsed }
            armedInjects.removeAll { $0.atElapsedMs <= elapsed }
            for inject in due where exit == nil { try dispatch(.injectDue(index: inject.index)) }
            if now / 1000 != state.nowMs / 1000 { try dispatch(.tick) }
        }
        if let key, exit == nil {
            if key == .resize {
                redraw(force: true)
            } else if let action = KeyMap.action(for: key, in: state, pane: StepPaneMetrics.of(state, size: screen.size, glyphs: screen.glyphs)) {
                try dispatch(action)
            }
        }
        if exit == nil { redraw(force: false) }
    }

    /// Stamps the action with the clock, reduces, performs the effects in order (appends
    /// are durable when this returns), then the caller draws.
    public func dispatch(_ action: DrillAction) throws {
        let effects = reducer.reduce(&state, action, at: reducer.timeline.stamp())
        for effect in effects {
            switch effect {
            case .append(let event):
                try journalWriter().append(event)
            case .startProbes(let steps):
                services.startProbes(steps: steps, of: state)
            case .reprobeStep(let step):
                services.reprobe(step: step, of: state)
            case .armInjectTimer(let index, let at):
                armedInjects.append((index, at))
            case .writeReport:
                try services.writeReport(state)
            case .exit(let reason):
                exit = reason
            }
        }
    }

    private func journalWriter() throws -> JournalWriter {
        let path = state.context.journalPath
        if let journal, journal.path == path { return journal }
        let writer = try JournalWriter(path: path, redaction: redaction)
        journal = writer
        return writer
    }

    private func redraw(force: Bool) {
        let frame = render(state, size: screen.size, glyphs: screen.glyphs)
        guard force || frame != lastFrame else { return }
        screen.draw(frame)
        lastFrame = frame
    }
}
