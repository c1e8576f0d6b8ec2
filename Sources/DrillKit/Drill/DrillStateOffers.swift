import RunbookKit

extension DrillState.ResumeOffer {
    /// The unfinished run as its journal left it: its events replayed over the runbook's
    /// steps, as `--resume` would replay them.
    public init(context: DrillContext, unfinished events: [JournalEvent]) {
        self.init(context: context, progress: DrillProgress.replay(events, stepCount: context.runbook.steps.count))
    }
}

extension DrillState.ReaderChoice {
    /// Whom an unknown reader may say they are: the runbook's rotation (as the access
    /// sources list it), else every member the directory knows; each cold by the rule
    /// that decides the drill's own reader (`DrillContext.isCold`).
    public static func choices(for context: DrillContext, access: any AccessOracle, knownMembers: Set<String>) -> [Self] {
        guard !context.readerKnown else { return [] }
        let rotation = context.runbook.rotation.flatMap { access.members(ofRotation: $0) } ?? []
        let names = rotation.filter(access.isKnownMember)
        let candidates = names.isEmpty ? knownMembers.sorted() : names
        return candidates.map { name in
            Self(name: name, cold: DrillContext.isCold(reader: name, of: context.runbook, access: access))
        }
    }
}
