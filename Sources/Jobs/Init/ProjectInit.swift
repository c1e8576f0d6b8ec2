import Foundation

/// `coldread init`: a starter directory, one annotated runbook and one scenario.
public struct ProjectInit: Sendable {
    /// The folder to initialise.
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes the starter files, telling `wrote` each path as it is written; writes
    /// nothing when any of them exists already.
    public func run(wrote: (String) -> Void) throws {
        let files = StarterFiles.all
        let fm = FileManager.default
        let existing = files.map { folder + "/" + $0.path }.filter { fm.fileExists(atPath: $0) }
        if !existing.isEmpty {
            throw CommandFailure.input("coldread init: \(relativePath(existing[0])) already exists; nothing was written (hint: run init in an empty folder, or move the existing files away)")
        }
        for file in files {
            let path = folder + "/" + file.path
            try fm.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
            wrote(relativePath(path))
        }
    }
}
