import DrillKit
import Foundation
import ProbeKit
import ReportKit
import RunbookKit

/// What `coldread drill` was asked, as plain values.
public struct DrillOptions: Sendable {
    public var runbookPath: String
    public var scenarioPath: String?
    /// Who reads; nil for the process's user (`ReaderName.ofProcess`).
    public var reader: String?
    /// A run id, a unique prefix of one, or `latest`.
    public var resume: String?
    /// `--config`; nil to find coldread.yaml like git finds `.git`.
    public var config: String?
    /// True to answer access from coldread.yaml alone, asking no live source.
    public var offline: Bool

    public init(runbookPath: String, scenarioPath: String? = nil, reader: String? = nil, resume: String? = nil,
                config: String? = nil, offline: Bool = false) {
        self.runbookPath = runbookPath
        self.scenarioPath = scenarioPath
        self.reader = reader
        self.resume = resume
        self.config = config
        self.offline = offline
    }
}

/// Everything a drill needs before the terminal is taken: the loaded files, the reader,
/// the access answers (live sources fetched now, so no key waits on the network), the
/// run (new, resumed, or offered for resuming) and its state.
public struct DrillSetup: Sendable {
    public var state: DrillState
    public var timeline: RunTimeline
    public var directory: Directory
    /// The live sources over the file, or the file alone (`--offline`, no providers).
    public var access: any AccessOracle
    public var scenario: Scenario?
    /// Journal warnings (a torn last line), printed once the terminal is back.
    public var warnings: [String]

    /// Loads and checks the files, asks the live access sources, and opens or offers a run.
    public static func prepare(_ options: DrillOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                               clock: any DrillClock = SystemClock()) async throws(CommandFailure) -> DrillSetup {
        try await prepare(DrillFiles.load(options), options, environment: environment, clock: clock)
    }

    /// Asks the live access sources and opens or offers a run, for files already loaded:
    /// the command checks the terminal between the two, so a drill that cannot start is
    /// refused at once and asks no live source.
    public static func prepare(_ files: DrillFiles, _ options: DrillOptions,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               clock: any DrillClock = SystemClock()) async throws(CommandFailure) -> DrillSetup {
        let readerName = options.reader ?? ReaderName.ofProcess(environment: environment)
        let access = await DrillAccess.prefetch(directory: files.directory, runbook: files.runbook, reader: readerName,
                                                offline: options.offline, environment: environment)
        let drills = DrillJournals(store: files.store)
        let runs = DrillRuns(files: files, access: access.oracle, store: files.store, drills: drills, timeline: RunTimeline(clock: clock))
        var setup = files.resumed.map { runs.resumed($0, reader: readerName) } ?? runs.fresh(reader: readerName)
        setup.state.accessSources = access.notes
        // A resumed run keeps the reader its journal recorded.
        if options.resume == nil {
            setup.state.readerChoices = DrillState.ReaderChoice.choices(
                for: setup.state.context, access: access.oracle, knownMembers: files.directory.knownMembers)
        }
        setup.state.cadence = DrillCadenceFiles.read(drills: drills, runbook: files.runbook, directory: files.directory)
        return setup
    }
}

/// The drill's files: the directory (a scenario's sandbox may replace it), the scenario,
/// the runbook and `--resume`'s journal, loaded and checked before the terminal is taken,
/// so a broken file is named even where there is no terminal. Reading them asks no network.
public struct DrillFiles: Sendable {
    var directory: Directory
    var scenario: Scenario?
    var runbook: Runbook
    var resumed: ResumedJournal?

    /// The project's run folders, beside coldread.yaml.
    var store: RunStore { RunStore(root: ProjectDirectory.root(of: directory) + "/Drills/runs") }

    public static func load(_ options: DrillOptions) throws(CommandFailure) -> DrillFiles {
        var directory = try ProjectDirectory.load(config: options.config)
        var scenario: Scenario?
        let runbook: Runbook
        do {
            if let path = options.scenarioPath {
                let loaded = try ScenarioLoader.load(path, directory: directory)
                scenario = loaded.scenario
                if let overridden = loaded.directory { directory = overridden }
            }
            runbook = try RunbookLoader.load(options.runbookPath, options: LoaderOptions(directory: directory))
        } catch {
            throw .input(error)
        }
        try refuseUndrillable(runbook, scenario: scenario)
        var files = DrillFiles(directory: directory, scenario: scenario, runbook: runbook)
        files.resumed = try options.resume.map { reference throws(CommandFailure) in
            try ResumedJournal.read(reference, store: files.store, runbook: runbook)
        }
        return files
    }

    /// A runbook with no steps has nothing to drill: finishing it would read "clean" and
    /// reset the cadence streak. A scenario that names steps the runbook lacks would fire
    /// no inject or expect the impossible. Both are refused before the terminal is taken.
    private static func refuseUndrillable(_ runbook: Runbook, scenario: Scenario?) throws(CommandFailure) {
        if runbook.steps.isEmpty {
            throw .input("\(runbook.location): error: expected a runbook with at least one step, found none (hint: \(Linter.noStepsHint(runbook)); `coldread lint` reports it as no-steps)")
        }
        if let problems = scenario?.stepProblems(stepCount: runbook.steps.count), !problems.isEmpty {
            throw .input(LoadErrors(problems))
        }
    }
}

/// Who reads when `--reader` is not given.
public enum ReaderName {
    /// `$USER`, else the login name of the process's user (a container running as root
    /// often has no `$USER`), else `unknown`.
    public static func ofProcess(environment: [String: String]) -> String {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        return "unknown"
    }
}
