import RunbookKit

/// The runbooks `gap` compares: loaded whole, or every load error reported at once.
enum GapRunbooks {
    static func load(_ paths: [String], directory: Directory) throws(CommandFailure) -> [Runbook] {
        let files = try RunbookPaths.files(paths)
        var runbooks: [Runbook] = []
        var errors: [LoadError] = []
        for loaded in RunbookLoader.loadAll(files, options: LoaderOptions(directory: directory, recordsSHA256: false)) {
            switch loaded {
            case .success(let runbook): runbooks.append(runbook)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw .input(LoadErrors(errors)) }
        guard !runbooks.isEmpty else {
            throw .input("coldread gap: no runbooks found in \(paths.joined(separator: ", ")) (hint: runbooks are .md or .yaml files)")
        }
        return runbooks
    }
}
