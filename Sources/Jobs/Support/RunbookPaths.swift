import RunbookKit

/// The runbook files a command reads from its paths. What a folder walk passed over (YAML
/// files without `steps:`) is said once, to `warn`, by every command that walks folders.
public enum RunbookPaths {
    public static func files(_ paths: [String], warn: WarningSink = StandardError.write) throws(CommandFailure) -> [String] {
        let found: RunbookFiles
        do { found = try RunbookLoader.find(paths) } catch { throw .input(error) }
        if let note = found.skippedNote { warn(note) }
        return found.files
    }

    /// The runbook files under `paths`, at least one. A lint or dry-run over a folder with
    /// no runbook in it (a wrong path in CI, a renamed folder) would pass with nothing
    /// checked, so it is an input error that names the paths; `command` opens the message.
    public static func some(_ paths: [String], command: String, warn: WarningSink = StandardError.write) throws(CommandFailure) -> [String] {
        let files = try files(paths, warn: warn)
        guard !files.isEmpty else {
            throw .input("\(command): no runbooks found in \(paths.joined(separator: ", ")) (hint: runbooks are .md files, or .yaml files with steps:)")
        }
        return files
    }
}
