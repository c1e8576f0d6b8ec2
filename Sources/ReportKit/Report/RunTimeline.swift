import DrillKit

/// The run's active clock: monotonic milliseconds with paused spans taken out, measured
/// from the moment the timer started (the first step shown, else the `started` event).
/// A pause without a resume lasts to the end of the journal.
struct RunTimeline {
    private var origin: Int
    private var pauses: [(from: Int, to: Int)]

    init(events: [JournalEvent]) {
        let firstShown = events.first { $0.type == .stepShown }?.monoMs
        let started = events.first { $0.type == .started }?.monoMs
        origin = firstShown ?? started ?? events.first?.monoMs ?? 0
        var pauses: [(Int, Int)] = []
        var openPause: Int?
        for event in events {
            switch event.type {
            case .paused where openPause == nil: openPause = event.monoMs
            case .resumed:
                if let from = openPause { pauses.append((from, event.monoMs)) }
                openPause = nil
            default: break
            }
        }
        if let from = openPause { pauses.append((from, Int.max)) }
        self.pauses = pauses
    }

    /// Active milliseconds from the origin to `mono`.
    func activeMs(at mono: Int) -> Int {
        let paused = pauses.reduce(0) { sum, pause in
            let from = max(pause.from, origin), to = min(pause.to, mono)
            return sum + max(0, to - from)
        }
        return max(0, mono - origin - paused)
    }

    /// Active milliseconds between two instants.
    func activeMs(from start: Int, to end: Int) -> Int { max(0, activeMs(at: end) - activeMs(at: start)) }
}
