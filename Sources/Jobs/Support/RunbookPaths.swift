import RunbookKit

/// The runbook files a command reads from its paths. What a folder walk passed over (YAML
/// files without `steps:`) is said once, on stderr, by every command that walks folders.
public enum RunbookPaths {
    public static func files(_ paths: [String]) throws(CommandFailure) -> [String] {
        let found: RunbookFiles
        do { found = try RunbookLoader.find(paths) } catch { throw .input(error) }
        if let note = found.skippedNote { StandardError.write(note) }
        return found.files
    }
}
