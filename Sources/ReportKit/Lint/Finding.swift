import RunbookKit

/// The lint rules, with ids that stay stable across every output format.
public enum LintRule: String, CaseIterable, Codable, Sendable {
    case undeclaredScope = "undeclared-scope"
    case scopeNotHeld = "scope-not-held"
    case breakGlassNotHeld = "break-glass-not-held"
    case unknownScope = "unknown-scope"
    case unknownRotation = "unknown-rotation"
    case unknownMember = "unknown-member"
    case nonFederatedLink = "non-federated-link"
    case partialRollback = "partial-rollback"
    case loadError = "load-error"
    case noSteps = "no-steps"
    case duplicateId = "duplicate-id"
    case authorOnly = "author-only"

    /// One sentence for SARIF rule metadata and `--help`.
    public var summary: String {
        switch self {
        case .undeclaredScope: return "An action step declares no scopes: the untyped argument of a permission contract."
        case .scopeNotHeld: return "A declared scope is not held by every member of the rotation that executes the step."
        case .breakGlassNotHeld: return "The step's break-glass scope is not held by every member of the executing rotation."
        case .unknownScope: return "A declared scope is not in the directory's grant catalog."
        case .unknownRotation: return "A runbook or step names a rotation the directory does not know."
        case .unknownMember: return "A rotation or grant names someone the directory does not know."
        case .nonFederatedLink: return "A link points outside central observability (federation.central)."
        case .partialRollback: return "A rollback step restores only part of the runbook's bundle."
        case .loadError: return "The runbook could not be loaded."
        case .noSteps: return "The runbook has no steps: nothing to drill, so it can never be found unclean."
        case .duplicateId: return "Two runbooks declare the same explicit id, so their drills, reports and cadence would mix."
        case .authorOnly: return "A step works for its author but not for the rotation that executes it (coldread gap)."
        }
    }

    /// Severity before `--strict`.
    public var defaultSeverity: Severity {
        switch self {
        case .undeclaredScope, .nonFederatedLink: return .warning
        default: return .error
        }
    }
}

public enum Severity: String, Codable, Sendable, Comparable {
    case note, warning, error

    private var rank: Int { self == .error ? 2 : (self == .warning ? 1 : 0) }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One broken promise of a runbook, at a place in a file.
public struct Finding: Hashable, Sendable {
    public var rule: LintRule
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The runbook id, when the finding is about a runbook (not the directory).
    public var runbookId: String?
    /// 1-based step, when the finding is about a step.
    public var step: Int?
    /// The step's title, which names the step across commits when its index or line moves.
    public var stepTitle: String?
    /// What the finding is about (a scope, a host, a rotation, a member), so two findings of
    /// one rule in one step stay apart in code scanning.
    public var subject: String?

    public init(rule: LintRule, severity: Severity? = nil, location: SourceLocation, message: String,
                runbookId: String? = nil, step: Int? = nil, stepTitle: String? = nil, subject: String? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.location = location
        self.message = message
        self.runbookId = runbookId
        self.step = step
        self.stepTitle = stepTitle
        self.subject = subject
    }
}
