import Foundation
import RunbookKit

/// The runbooks a project keeps under `Runbooks/`, for the schedule and for naming a
/// runbook by id or path on the command line.
struct RunbookCatalog {
    struct Entry {
        var id: String
        var title: String
        var path: String
    }

    var directory: Directory
    var root: String

    init(directory: Directory, options: ConfigOptions) {
        self.directory = directory
        root = options.projectRoot(of: directory)
    }

    var folder: String { RunFolders.path("Runbooks", under: root) }

    /// Every runbook under `Runbooks/`. A file that does not load is still scheduled, by
    /// its file stem, and its errors go to stderr: a broken runbook is due all the more.
    func entries() -> [Entry] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let files = (try? RunbookPaths.files([folder])) ?? []
        var entries: [Entry] = []
        for path in files {
            do {
                let runbook = try RunbookLoader.load(path, options: LoaderOptions(directory: directory))
                entries.append(Entry(id: runbook.id, title: runbook.title, path: path))
            } catch {
                error.errors.forEach { StandardError.write($0.description) }
                let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                entries.append(Entry(id: stem, title: stem, path: path))
            }
        }
        return entries
    }

    /// The id a command-line argument names: a runbook file's id when it is a path to one,
    /// else the argument as an id (which must be a runbook under `Runbooks/` when
    /// `requireKnown`).
    func id(of argument: String, requireKnown: Bool) throws(CommandFailure) -> String {
        let candidates = argument.hasPrefix("/") ? [argument] : [argument, root + "/" + argument]
        var isDir: ObjCBool = false
        if let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue }) {
            do {
                return try RunbookLoader.load(path, options: LoaderOptions(directory: directory)).id
            } catch {
                throw .input(error)
            }
        }
        guard requireKnown else { return argument }
        let known = entries()
        if known.contains(where: { $0.id == argument }) { return argument }
        let ids = known.map(\.id).joined(separator: ", ")
        throw .input("coldread: expected a runbook id or path, found '\(argument)' (hint: runbooks under \(folder): \(ids.isEmpty ? "none" : ids))")
    }
}
