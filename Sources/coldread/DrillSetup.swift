import DrillKit
import Foundation
import Jobs
import RunbookKit

/// Everything a drill needs before the terminal is taken: the loaded files, the reader,
/// the run (new, resumed, or offered for resuming) and its state.
struct DrillSetup: Sendable {
    var state: DrillState
    var timeline: RunTimeline
    var directory: Directory
    var scenario: Scenario?
    /// Journal warnings (a torn last line), printed once the terminal is back.
    var warnings: [String]

    static func prepare(runbookPath: String, scenarioPath: String?, reader: String?, resume: String?,
                        config: ConfigOptions) throws -> DrillSetup {
        var directory = try config.loadDirectory()
        var scenario: Scenario?
        if let scenarioPath {
            do {
                let loaded = try ScenarioLoader.load(scenarioPath, directory: directory)
                scenario = loaded.scenario
                if let overridden = loaded.directory { directory = overridden }
            } catch {
                throw CommandFailure.input(error)
            }
        }
        let runbook: Runbook
        do {
            runbook = try RunbookLoader.load(runbookPath, options: LoaderOptions(directory: directory))
        } catch {
            throw CommandFailure.input(error)
        }
        try refuseUndrillable(runbook, scenario: scenario)
        let store = RunStore(root: config.projectRoot(of: directory) + "/Drills/runs")
        let timeline = RunTimeline(clock: SystemClock())
        let readerName = reader ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"

        func context(runId: String, reader: String, cold: Bool? = nil) -> DrillContext {
            DrillContext(runbook: runbook, scenario: scenario, reader: reader,
                         readerKnown: directory.isKnownMember(reader),
                         cold: cold ?? DrillContext.isCold(reader: reader, owner: runbook.owner, groupsOfReader: directory.groups(of: reader)),
                         runId: runId, runFolder: store.folder(of: runId))
        }

        if let resume {
            guard let runId = store.resolve(resume) else {
                throw CommandFailure.input("\(store.root):1:1: error: expected a run to resume, found no run '\(resume)' (hint: list runs with `ls \(store.root)`, or pass `latest`)")
            }
            let contents: JournalReader.Contents
            do {
                contents = try JournalReader.read(store.journalPath(of: runId))
            } catch {
                throw CommandFailure.input(error.description)
            }
            // The reader refuses a journal whose first known event is not `started`, as `report` does.
            guard let started = contents.events.first(where: { $0.type == .started }) else {
                throw CommandFailure.input("\(store.journalPath(of: runId)):1:1: error: expected a `started` event first, found none (hint: this run cannot be resumed; start a new drill)")
            }
            // A journal from before ids were paths names the runbook by its file stem.
            if let recorded = started.runbook?.id,
               KnownRunbooks([.init(id: runbook.id, path: runbook.path)]).match(recorded, path: started.runbook?.path) == nil {
                throw CommandFailure.input("\(store.journalPath(of: runId)):1:1: error: expected a drill of runbook '\(runbook.id)', found one of '\(recorded)' (hint: pass the runbook this run drilled)")
            }
            let progress = DrillProgress.replay(contents.events, stepCount: runbook.steps.count)
            let resumedContext = context(runId: runId, reader: started.reader ?? readerName, cold: started.cold)
            let state = DrillState(context: resumedContext, progress: progress, processMs: timeline.processMs())
            return DrillSetup(state: state, timeline: timeline, directory: directory, scenario: scenario, warnings: contents.warnings)
        }

        let runId = RunId.make(at: timeline.clock.wallNow(), runbookId: runbook.id)
        var offer: DrillState.ResumeOffer?
        if let unfinished = UnfinishedRun.latest(in: store, runbookId: runbook.id, scenarioId: scenario?.id) {
            let started = unfinished.events.first { $0.type == .started } ?? unfinished.events[0]
            offer = DrillState.ResumeOffer(
                context: context(runId: unfinished.runId, reader: started.reader ?? readerName, cold: started.cold),
                progress: DrillProgress.replay(unfinished.events, stepCount: runbook.steps.count))
        }
        let state = DrillState(context: context(runId: runId, reader: readerName), resumeOffer: offer)
        return DrillSetup(state: state, timeline: timeline, directory: directory, scenario: scenario, warnings: [])
    }

    /// A runbook with no steps has nothing to drill: finishing it would read "clean" and
    /// reset the cadence streak. A scenario that names steps the runbook lacks would fire
    /// no inject or expect the impossible. Both are refused before the terminal is taken.
    private static func refuseUndrillable(_ runbook: Runbook, scenario: Scenario?) throws(CommandFailure) {
        if runbook.steps.isEmpty {
            throw .input("\(runbook.location): error: expected a runbook with at least one step, found none (hint: write its steps as a numbered list or as H3 headings under an H2; `coldread lint` reports it as no-steps)")
        }
        if let problems = scenario?.stepProblems(stepCount: runbook.steps.count), !problems.isEmpty {
            throw .input(LoadErrors(problems))
        }
    }
}
