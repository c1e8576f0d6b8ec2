import Foundation
import RunbookKit

/// `coldread init`: a starter directory, one annotated runbook and one scenario.
public struct ProjectInit: Sendable {
    /// The folder to initialise.
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes the starter files, telling `wrote` each path as it is written; writes
    /// nothing when any of them exists already. Returns what to run next.
    @discardableResult
    public func run(wrote: (String) -> Void) throws -> String {
        let files = StarterFiles.all
        let fm = FileManager.default
        let existing = files.map { folder + "/" + $0.path }.filter { fm.fileExists(atPath: $0) }
        if !existing.isEmpty {
            throw CommandFailure.input("coldread init: \(relativePath(existing[0])) already exists; nothing was written (hint: run init in an empty folder, or move the existing files away)")
        }
        // Looked for before the starter runbook is written, so it is not counted.
        let theirs = (try? RunbookLoader.find([folder]).files) ?? []
        for file in files {
            let path = folder + "/" + file.path
            try fm.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
            wrote(relativePath(path))
        }
        // Paths as seen from the initialised folder, where the next command runs.
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return Self.nextStep(theirRunbooks: theirs.map { $0.hasPrefix(base + "/") ? String($0.dropFirst(base.count + 1)) : $0 })
    }

    /// A team that already has runbooks wants to lint those, not the example: the next
    /// step names the deepest folder that holds them all. Pages at the top of the folder
    /// (README, CHANGELOG) are rarely runbooks, so they count only when nothing is deeper.
    static func nextStep(theirRunbooks all: [String]) -> String {
        let nested = all.filter { $0.contains("/") }
        let theirRunbooks = nested.isEmpty ? all : nested
        guard let first = theirRunbooks.first else { return "next: coldread lint Runbooks/" }
        var common = first.split(separator: "/").dropLast()
        for path in theirRunbooks.dropFirst() {
            let folders = path.split(separator: "/").dropLast()
            common = common.prefix(zip(common, folders).prefix { $0 == $1 }.count)
        }
        let where_ = common.isEmpty ? "." : common.joined(separator: "/")
        let count = theirRunbooks.count == 1 ? "1 runbook" : "\(theirRunbooks.count) runbooks"
        return "next: coldread lint Runbooks/ for the example, and coldread lint \(where_) for the \(count) already here"
    }
}
