import RunbookKit

/// What one headless dry-run found for one runbook: whether it loaded, its lint
/// findings and its probe results per step. Pure data, so the text, JSON and JUnit
/// faces all say the same thing.
public struct RunbookDryRun: Sendable {
    public struct StepOutcome: Sendable {
        public var index: Int
        public var title: String
        public var location: SourceLocation
        public var results: [ProbeResult]

        public init(index: Int, title: String, location: SourceLocation, results: [ProbeResult]) {
            self.index = index
            self.title = title
            self.location = location
            self.results = results
        }

        /// Probe results that would stop the reader at this step. A scope the rotation
        /// lacks does not block when the step's break-glass scope is held: that path is
        /// the audited way through.
        public var blocking: [ProbeResult] {
            let breakGlassHeld = results.contains { $0.kind == .scope && $0.breakGlass == true && $0.outcome == .held }
            return results.filter { result in
                guard result.outcome.blocks else { return false }
                if breakGlassHeld, result.kind == .scope, result.breakGlass != true, result.outcome == .notHeld { return false }
                return true
            }
        }
        public var isBlocked: Bool { !blocking.isEmpty }
        /// The step's own duration: its probes run side by side, so the slowest one.
        public var timeMs: Int { results.compactMap(\.ms).max() ?? 0 }
        /// Probe results that concluded nothing (`unknown`, `unchecked`): never a pass.
        public var inconclusive: [ProbeResult] { results.filter { $0.outcome.isInconclusive } }
    }

    public var id: String
    public var path: String
    public var loadErrors: [LoadError]
    public var findings: [Finding]
    public var steps: [StepOutcome]

    public init(id: String, path: String, loadErrors: [LoadError] = [], findings: [Finding] = [],
                steps: [StepOutcome] = []) {
        self.id = id
        self.path = path
        self.loadErrors = loadErrors
        self.findings = findings
        self.steps = steps
    }

    /// The runbook's own duration: the sum of its steps', never time since the run began
    /// (runbooks are probed side by side, so that would count other runbooks' time).
    public var timeMs: Int { steps.reduce(0) { $0 + $1.timeMs } }

    /// Builds the per-step view of a loaded runbook from its probe results.
    /// The briefing's link results, when there are any, come first as step 0: a dead link
    /// in the briefing is rot too.
    public init(runbook: Runbook, findings: [Finding], results: [ProbeResult]) {
        var steps = runbook.steps.map { step in
            StepOutcome(index: step.index, title: step.title, location: step.location,
                        results: results.filter { $0.step == step.index })
        }
        let briefing = results.filter { $0.step == ProbeResult.briefingStep }
        if !briefing.isEmpty {
            let location = runbook.briefing.lazy.flatMap(\.links).first?.location ?? runbook.location
            steps.insert(StepOutcome(index: ProbeResult.briefingStep, title: "Briefing", location: location, results: briefing), at: 0)
        }
        self.init(id: runbook.id, path: runbook.path, findings: findings, steps: steps)
    }

    public var lintErrors: [Finding] { findings.filter { $0.severity == .error } }
    public var blockedSteps: [StepOutcome] { steps.filter(\.isBlocked) }

    /// Clean means it loaded, no lint error, and no step is blocked.
    public var isClean: Bool { loadErrors.isEmpty && lintErrors.isEmpty && blockedSteps.isEmpty }
}
