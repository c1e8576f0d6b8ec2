import RunbookKit

/// What a drill is about, fixed before the timer starts: the runbook, the scenario, who
/// reads it, and where the run is recorded.
public struct DrillContext: Hashable, Sendable {
    public var runbook: Runbook
    public var scenario: Scenario?
    public var reader: String
    /// False when the directory does not know the reader: scopes then show as unknown.
    public var readerKnown: Bool
    /// False when the reader belongs to the runbook's owner team: they wrote it, so
    /// their read is not cold and the record says so.
    public var cold: Bool
    public var runId: String
    /// Folder that holds `journal.jsonl` and the reports, as shown to the reader.
    public var runFolder: String
    /// The scenario's budget, else the runbook's.
    public var budgetMs: Int?

    public init(runbook: Runbook, scenario: Scenario?, reader: String, readerKnown: Bool, cold: Bool,
                runId: String, runFolder: String) {
        self.runbook = runbook
        self.scenario = scenario
        self.reader = reader
        self.readerKnown = readerKnown
        self.cold = cold
        self.runId = runId
        self.runFolder = runFolder
        self.budgetMs = (scenario?.budgetSeconds ?? runbook.budgetSeconds).map { $0 * 1000 }
    }

    /// A reader is not cold when they belong to the group that owns the runbook.
    public static func isCold(reader: String, owner: String?, groupsOfReader: [String]) -> Bool {
        guard let owner else { return true }
        return !groupsOfReader.contains(owner)
    }

    /// `isCold` with the reader's groups as the access sources list them.
    public static func isCold(reader: String, of runbook: Runbook, access: any AccessOracle) -> Bool {
        isCold(reader: reader, owner: runbook.owner, groupsOfReader: access.groups(of: reader))
    }

    public var reportMarkdownPath: String { runFolder + "/report.md" }
    public var reportJSONPath: String { runFolder + "/report.json" }
    public var journalPath: String { runFolder + "/journal.jsonl" }
}
