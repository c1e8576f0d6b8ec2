/// A synthetic incident to drill a runbook against: what the page said, the simulated
/// clock, the signals, the facilitator's twists, and optionally a sandbox world.
public struct Scenario: Hashable, Sendable {
    public var id: String
    public var title: String
    public var path: String
    /// The runbook path, resolved relative to the scenario file.
    public var runbookPath: String
    public var runbookLocation: SourceLocation
    public var briefing: String
    /// Simulated local time shown to the reader, e.g. "02:17".
    public var clock: String?
    public var budgetSeconds: Int?
    public var signals: [Signal]
    public var injects: [Inject]
    public var resolvedByStep: Int?
    /// Where `expect.resolved_by_step` was written, for errors that name it.
    public var resolvedByStepLocation: SourceLocation?
    public var sandbox: Sandbox?

    public init(id: String, title: String, path: String, runbookPath: String, runbookLocation: SourceLocation,
                briefing: String = "", clock: String? = nil, budgetSeconds: Int? = nil, signals: [Signal] = [],
                injects: [Inject] = [], resolvedByStep: Int? = nil, sandbox: Sandbox? = nil) {
        self.id = id
        self.title = title
        self.path = path
        self.runbookPath = runbookPath
        self.runbookLocation = runbookLocation
        self.briefing = briefing
        self.clock = clock
        self.budgetSeconds = budgetSeconds
        self.signals = signals
        self.injects = injects
        self.resolvedByStep = resolvedByStep
        self.sandbox = sandbox
    }
}

extension Scenario {
    /// Step numbers the scenario names (`at_step`, `expect.resolved_by_step`) that the
    /// runbook does not have: an inject that never fires or an expectation that can never
    /// be met is a mistake the facilitator must hear about before the drill, at the
    /// scenario's own `file:line:column`.
    public func stepProblems(stepCount: Int) -> [LoadError] {
        var problems: [LoadError] = []
        let range = "a step from 1 to \(stepCount) (the runbook '\(runbookPath)' has \(stepCount) step\(stepCount == 1 ? "" : "s"))"
        for inject in injects {
            guard case .atStep(let step) = inject.trigger, step < 1 || step > stepCount else { continue }
            problems.append(LoadError(inject.location ?? SourceLocation(file: path, line: 1), expected: "at_step: " + range, found: "\(step)"))
        }
        if let step = resolvedByStep, step < 1 || step > stepCount {
            problems.append(LoadError(resolvedByStepLocation ?? SourceLocation(file: path, line: 1),
                                      expected: "resolved_by_step: " + range, found: "\(step)"))
        }
        return problems
    }
}

/// An alert payload shown at the start of the drill.
public struct Signal: Hashable, Sendable {
    public var name: String
    /// The payload as readable lines (`key: value`).
    public var lines: [String]
}

/// A facilitator's twist, shown at an elapsed time or when the reader reaches a step.
public struct Inject: Hashable, Sendable {
    public enum Trigger: Hashable, Sendable {
        case afterSeconds(Int)
        case atStep(Int)
    }
    public var trigger: Trigger
    public var text: String
    /// Where the trigger was written in the scenario, for errors that name it.
    public var location: SourceLocation?
}

/// How a sandbox host answers every request.
public enum ServiceBehaviour: String, Hashable, Sendable, CaseIterable {
    case ok, sso, forbidden, unauthorized, notFound = "not_found", slow, down
}

/// A stand-in for the world's access rules, served on loopback for one run.
public struct Sandbox: Hashable, Sendable {
    /// Hostname to how it answers: for everyone, or, for a host in `opensFor`, for
    /// everyone not named there (its wall).
    public var services: [String: ServiceBehaviour]
    /// Hostname to the people and groups it opens for (`ok`): the sandbox models people,
    /// so a service can let the author in and wall the reader (`coldread gap`).
    public var opensFor: [String: [String]] = [:]
    /// The directory as the sandbox world sees it (the file with overrides applied);
    /// nil when the scenario does not override anything.
    public var hasDirectoryOverride: Bool
    public init(services: [String: ServiceBehaviour], hasDirectoryOverride: Bool = false) {
        self.services = services
        self.hasDirectoryOverride = hasDirectoryOverride
    }
}
