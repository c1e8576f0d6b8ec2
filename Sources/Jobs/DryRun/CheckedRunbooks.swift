import ReportKit
import RunbookKit

/// Every runbook of a dry-run loaded and linted before any probe: a runbook that does not
/// load is kept as a failure and the others still run.
struct CheckedRunbooks {
    typealias Loaded = (runbook: Runbook, findings: [Finding])

    var loaded: [Loaded] = []
    var failed: [RunbookDryRun] = []

    init(files: [String], directory: Directory, access: any AccessOracle) {
        let linter = Linter(directory: directory, access: access)
        let loaderOptions = LoaderOptions(directory: directory)
        for file in files {
            do {
                let runbook = try RunbookLoader.load(file, options: loaderOptions)
                loaded.append((runbook, linter.lint(runbook)))
            } catch {
                let id = RunbookIdentity.defaultId(forFile: file, workspaceRoot: loaderOptions.workspaceRoot)
                failed.append(RunbookDryRun(id: id, path: file, loadErrors: error.errors))
            }
        }
        for duplicate in DuplicateIds.findings(loaded.map { DuplicateIds.Claim($0.runbook) }) {
            if let i = loaded.firstIndex(where: { $0.runbook.path == duplicate.location.file }) { loaded[i].findings.append(duplicate) }
        }
    }
}
