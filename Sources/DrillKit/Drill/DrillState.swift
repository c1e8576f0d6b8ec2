import RunbookKit

/// The whole drill as the face sees it: what is drilled (`context`), what the journal
/// recorded (`progress`, a fold over events), and what is on screen right now
/// (`mode`, the clock reading) which the journal does not need.
public struct DrillState: Hashable, Sendable {
    /// What the keyboard is currently talking to.
    public enum Mode: Hashable, Sendable {
        case briefing
        case steps
        /// The blocked-reason picker, with the highlighted reason.
        case reasonPicker(highlighted: Int)
        /// The optional note after a reason was picked.
        case blockedNote(BlockedReason, text: String)
        case note(text: String)
        case help
        case summary
    }

    /// An unfinished run of the same runbook and scenario, offered on the briefing.
    public struct ResumeOffer: Hashable, Sendable {
        public var context: DrillContext
        public var progress: DrillProgress
    }

    /// Someone the reader may say they are, when the directory does not know the name
    /// they run under: a member of the runbook's rotation, and whether their read is cold.
    public struct ReaderChoice: Hashable, Sendable {
        public var name: String
        public var cold: Bool
    }

    /// One line of the briefing about where access answers come from.
    public struct AccessSourceNote: Hashable, Sendable {
        public var text: String
        /// True when the source could not answer, so the scopes it covers are unknown.
        public var failed: Bool

        /// A source that answered (or the file, which always does).
        public static func answered(_ text: String) -> Self { Self(text: text, failed: false) }
        /// A source that could not answer: the scopes it covers show as unknown.
        public static func unanswered(_ text: String) -> Self { Self(text: text, failed: true) }
    }

    public var context: DrillContext
    public var progress: DrillProgress
    public var mode: Mode = .briefing
    public var resumeOffer: ResumeOffer?
    /// The run timeline's reading at the last action, for elapsed time on screen.
    public var nowMs: Int = 0
    /// Run `mono_ms` minus the process's own milliseconds (see `RunTimeline`).
    public var timelineBaseMs: Int = 0
    /// Set when the last key did nothing, so the face can explain why. It stays until
    /// the next key.
    public var hint: String?
    /// The first line of the step pane on screen; back to 0 when another step is shown.
    public var detailScroll = 0
    /// Who an unknown reader may pick on the briefing (empty when the reader is known).
    public var readerChoices: [ReaderChoice] = []
    /// Which access sources answered, or why scopes are unknown, for the briefing.
    public var accessSources: [AccessSourceNote] = []
    /// For the summary's next drill date; nil when the cadence could not be read.
    public var cadence: DrillCadence?

    /// A fresh drill, or one continuing from a replayed journal.
    /// - Parameter processMs: the timeline's `processMs()` now, so a replayed run's
    ///   clock continues exactly at its last event.
    public init(context: DrillContext, progress: DrillProgress? = nil, resumeOffer: ResumeOffer? = nil, processMs: Int = 0) {
        self.context = context
        self.progress = progress ?? DrillProgress(stepCount: context.runbook.steps.count)
        self.resumeOffer = resumeOffer
        self.nowMs = self.progress.lastEventMs
        self.timelineBaseMs = self.progress.lastEventMs - processMs
    }

    public var elapsedMs: Int { progress.elapsedMs(now: nowMs) }
    public var overBudgetMs: Int { progress.overBudgetMs(budgetMs: context.budgetMs, now: nowMs) }
    public var currentStep: Step? {
        let steps = context.runbook.steps
        return steps.indices.contains(progress.cursor - 1) ? steps[progress.cursor - 1] : nil
    }
    /// The inject text on the banner: the latest one shown.
    public var banner: String? { progress.injectsShown.last }
}
