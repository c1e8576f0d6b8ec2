import DrillKit
import Foundation
import RunbookKit

/// Opens the drill's run: a new one (with an unfinished run of the same runbook and
/// scenario offered on the briefing), or `--resume`'s, replayed from its journal.
struct DrillRuns {
    let files: DrillFiles
    let access: any AccessOracle
    let store: RunStore
    /// The store's drills, read once for the resume offer and the cadence.
    let drills: DrillJournals
    let timeline: RunTimeline

    var runbook: Runbook { files.runbook }

    /// What is drilled, by whom, recorded where; cold unless the reader is in the owner
    /// team (or as the journal recorded it, for a resumed run).
    func context(runId: String, reader: String, cold: Bool? = nil) -> DrillContext {
        DrillContext(runbook: runbook, scenario: files.scenario, reader: reader,
                     readerKnown: access.isKnownMember(reader),
                     cold: cold ?? DrillContext.isCold(reader: reader, of: runbook, access: access),
                     runId: runId, runFolder: store.folder(of: runId))
    }

    func fresh(reader: String) -> DrillSetup {
        let runId = RunId.make(at: timeline.clock.wallNow(), runbookId: runbook.id)
        var offer: DrillState.ResumeOffer?
        if let unfinished = UnfinishedRun.latest(among: drills, runbookId: runbook.id, runbookPath: runbook.path, scenarioId: files.scenario?.id) {
            let started = unfinished.events.first { $0.type == .started } ?? unfinished.events[0]
            let offered = context(runId: unfinished.runId, reader: started.reader ?? reader, cold: started.cold)
            offer = DrillState.ResumeOffer(context: offered, unfinished: unfinished.events)
        }
        let state = DrillState(context: context(runId: runId, reader: reader), resumeOffer: offer)
        return setup(state, warnings: [])
    }

    /// `--resume`'s run, replayed from its journal (read and checked with the files).
    func resumed(_ journal: ResumedJournal, reader: String) -> DrillSetup {
        let progress = DrillProgress.replay(journal.contents.events, stepCount: runbook.steps.count)
        let resumedContext = context(runId: journal.runId, reader: journal.started.reader ?? reader, cold: journal.started.cold)
        let state = DrillState(context: resumedContext, progress: progress, processMs: timeline.processMs())
        return setup(state, warnings: journal.contents.warnings)
    }

    private func setup(_ state: DrillState, warnings: [String]) -> DrillSetup {
        DrillSetup(state: state, timeline: timeline, directory: files.directory, access: access, scenario: files.scenario, warnings: warnings)
    }
}

/// The journal `--resume` names, read and checked before the terminal is taken (a run
/// that cannot be resumed is named even without a terminal, as `report` names it).
struct ResumedJournal: Sendable {
    var runId: String
    var contents: JournalReader.Contents
    var started: JournalEvent

    static func read(_ reference: String, store: RunStore, runbook: Runbook) throws(CommandFailure) -> ResumedJournal {
        guard let runId = store.resolve(reference) else {
            throw .input("\(store.root):1:1: error: expected a run to resume, found no run '\(reference)' (hint: list runs with `ls \(store.root)`, or pass `latest`)")
        }
        let journal = store.journalPath(of: runId)
        let contents: JournalReader.Contents
        do {
            contents = try JournalReader.read(journal)
        } catch {
            throw .input(error.description)
        }
        // The reader refuses a journal whose first known event is not `started`, as `report` does.
        guard let started = contents.events.first(where: { $0.type == .started }) else {
            throw .input("\(journal):1:1: error: expected a `started` event first, found none (hint: this run cannot be resumed; start a new drill)")
        }
        // A journal from before ids were paths names the runbook by its file stem.
        if let recorded = started.runbook?.id,
           KnownRunbooks([(runbook.id, runbook.path)]).match(recorded, path: started.runbook?.path) == nil {
            throw .input("\(journal):1:1: error: expected a drill of runbook '\(runbook.id)', found one of '\(recorded)' (hint: pass the runbook this run drilled)")
        }
        return ResumedJournal(runId: runId, contents: contents, started: started)
    }
}
