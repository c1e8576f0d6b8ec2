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

        /// Probe results that would stop the reader at this step.
        public var blocking: [ProbeResult] { results.filter { $0.outcome.blocks } }
        public var isBlocked: Bool { !blocking.isEmpty }
    }

    public var id: String
    public var path: String
    public var loadErrors: [LoadError]
    public var findings: [Finding]
    public var steps: [StepOutcome]
    public var elapsedMs: Int

    public init(id: String, path: String, loadErrors: [LoadError] = [], findings: [Finding] = [],
                steps: [StepOutcome] = [], elapsedMs: Int = 0) {
        self.id = id
        self.path = path
        self.loadErrors = loadErrors
        self.findings = findings
        self.steps = steps
        self.elapsedMs = elapsedMs
    }

    /// Builds the per-step view of a loaded runbook from its probe results.
    public init(runbook: Runbook, findings: [Finding], results: [ProbeResult], elapsedMs: Int) {
        self.init(id: runbook.id, path: runbook.path, findings: findings, steps: runbook.steps.map { step in
            StepOutcome(index: step.index, title: step.title, location: step.location,
                        results: results.filter { $0.step == step.index })
        }, elapsedMs: elapsedMs)
    }

    public var lintErrors: [Finding] { findings.filter { $0.severity == .error } }
    public var blockedSteps: [StepOutcome] { steps.filter(\.isBlocked) }

    /// Clean means it loaded, no lint error, and no step is blocked.
    public var isClean: Bool { loadErrors.isEmpty && lintErrors.isEmpty && blockedSteps.isEmpty }
}

/// The blocked-reason word a probe outcome maps to, so dry-run journals speak the same
/// language as a human drill.
public func blockedReasonWord(for outcome: ProbeOutcome) -> String {
    switch outcome {
    case .ssoWall: return "sso_wall"
    case .unauthorized, .forbidden, .notHeld, .fail: return "no_permission"
    case .notFound, .unreachable, .tlsError, .redirectLoop, .serverError: return "dead_link"
    case .missing: return "tool_missing"
    default: return "other"
    }
}
