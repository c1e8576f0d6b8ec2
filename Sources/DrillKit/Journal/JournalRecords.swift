import RunbookKit

/// A lint finding as a dry-run journals it (a `note` event's `findings`), so a report
/// rebuilt from the journal lists the same findings the run printed. The rule and
/// severity are the words every finding format uses.
public struct FindingRecord: Codable, Hashable, Sendable {
    public var rule: String
    public var severity: String
    public var location: SourceLocation
    public var message: String

    public init(rule: String, severity: String, location: SourceLocation, message: String) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
    }
}

/// Why a runbook did not load, as a dry-run journals it (a `note` event's `load_errors`).
public struct LoadErrorRecord: Codable, Hashable, Sendable {
    public var location: SourceLocation
    public var expected: String
    public var found: String
    public var hint: String?

    public init(_ error: LoadError) {
        location = error.location
        expected = error.expected
        found = error.found
        hint = error.hint
    }

    public var loadError: LoadError { LoadError(location, expected: expected, found: found, hint: hint) }
}

extension BlockedReason {
    /// The reason a probe outcome stops a reader for, so a dry-run journals the same
    /// typed reasons a human drill does. Only blocking outcomes are asked; any other reads
    /// as `other`, which still blocks.
    public init(blocking outcome: ProbeOutcome) {
        switch outcome {
        case .ssoWall: self = .ssoWall
        case .unauthorized, .forbidden, .notHeld, .fail: self = .noPermission
        case .notFound, .unreachable, .tlsError, .redirectLoop, .serverError: self = .deadLink
        case .missing: self = .toolMissing
        default: self = .other
        }
    }
}
