import DrillKit
import RunbookKit

/// One thing that stood between the reader and the next step, with what to change so
/// the next reader is not stopped there. The roadmap is a list of these.
public struct Gap: Hashable, Sendable, Encodable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A scope the executing rotation does not hold in full.
        case scopeNotHeld = "scope_not_held"
        /// A link that stops the reader at a login wall or a refusal outside central observability.
        case nonFederatedLink = "non_federated_link"
        /// A link that is gone or moved.
        case deadLink = "dead_link"
        /// A tool the step names that the reader does not have.
        case toolMissing = "tool_missing"
        /// A declared probe command that failed as the reader.
        case commandFailed = "command_failed"
        case unclearStep = "unclear_step"
        case hadToAsk = "had_to_ask"
        /// Blocked for a reason the reader described in their own words.
        case other
    }

    public var kind: Kind
    public var step: Int
    public var stepTitle: String
    public var runbookId: String?
    /// The scope, URL, tool or command concerned; empty for unclear and asked steps.
    public var subject: String
    /// What was found, in a sentence.
    public var finding: String
    /// Members of the rotation who lack the scope (scope gaps only).
    public var missingMembers: [String]
    /// What to do, one option per entry (a scope gap has three).
    public var remedies: [String]
    /// Time the step cost the reader.
    public var costMs: Int
    /// True when the reader was stopped at this step.
    public var blocking: Bool
}
