import RunbookKit

/// The runbooks a probing job (`probe`, `gap`) reads: loaded whole, or every load error
/// reported at once; no probe result names the text's hash, so it is not computed.
enum ProbedRunbooks {
    /// `command` opens the message when no runbook is found (`coldread gap`, `coldread probe`).
    static func load(_ paths: [String], directory: Directory, command: String,
                     warn: WarningSink = StandardError.write) throws(CommandFailure) -> [Runbook] {
        let files = try RunbookPaths.some(paths, command: command, warn: warn)
        var runbooks: [Runbook] = []
        var errors: [LoadError] = []
        for loaded in RunbookLoader.loadAll(files, options: LoaderOptions(directory: directory, recordsSHA256: false)) {
            switch loaded {
            case .success(let runbook): runbooks.append(runbook)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw .input(LoadErrors(errors)) }
        return runbooks
    }
}

/// What a `--scenario` changes for a probing job: its directory override, its sandbox,
/// and its runbook when none is named.
struct ScenarioTarget {
    var directory: Directory
    var sandbox: Sandbox?
    var paths: [String]

    /// The scenario file read over `directory`; with no scenario, the job's own paths.
    init(scenario: String?, paths: [String], directory: Directory) throws(CommandFailure) {
        (self.directory, self.paths) = (directory, paths)
        guard let scenario else { return }
        do {
            let loaded = try ScenarioLoader.load(scenario, directory: directory)
            self.directory = loaded.directory ?? directory
            sandbox = loaded.scenario.sandbox
            if paths.isEmpty { self.paths = [loaded.scenario.runbookPath] }
        } catch {
            throw .input(error)
        }
    }
}
