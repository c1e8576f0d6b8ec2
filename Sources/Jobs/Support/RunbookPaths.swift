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
}
