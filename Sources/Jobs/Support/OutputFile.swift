import Foundation

/// A file a command was told to write (`--junit`, `--prometheus`, `--output`,
/// `--calendar`). A dry-run checks its files before it probes, so a wrong path in CI
/// costs no run; a write that still fails names the file in plain words rather than
/// Foundation's "The operation could not be completed".
public enum OutputFile {
    /// What stands in the way of writing `path` (what was found, and a hint), or nil.
    public static func problem(_ path: String) -> (found: String, hint: String)? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return ("a folder", "name a file inside it")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            return ("no folder \(folder)", "create it first: mkdir -p \(folder)")
        }
        guard isFolder.boolValue else { return ("\(folder), a file where a folder should be", "name a file inside a folder") }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            return ("a folder this user cannot write to, \(folder)", "check its permissions, or name a file elsewhere")
        }
        return nil
    }

    /// One error line when `path` cannot be written; nil and writable paths pass.
    public static func check(_ path: String?) throws(CommandFailure) {
        guard let path, let problem = problem(path) else { return }
        throw failure(path, found: problem.found, hint: problem.hint)
    }

    /// Writes `text` atomically through the redaction, or fails with one line naming the file.
    public static func write(_ text: String, to path: String) throws(CommandFailure) {
        try check(path)
        do {
            try Outbound.write(text, toFile: path)
        } catch {
            throw failure(path, found: error.localizedDescription, hint: "check the disk has room and the folder can be written")
        }
    }

    static func failure(_ path: String, found: String, hint: String) -> CommandFailure {
        .input("\(path):1:1: error: expected a writable file, found \(found) (hint: \(hint))")
    }
}
