import Foundation
import ReportKit
import RunbookKit

/// The runbooks a project keeps under `Runbooks/`, for the schedule and for naming a
/// runbook by id or path on the command line.
public struct RunbookCatalog: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var path: String
    }

    public var directory: Directory
    /// The folder that holds coldread.yaml.
    public var root: String
    /// Where the project keeps its runbooks.
    public var folder: String { RunFolders.path("Runbooks", under: root) }
    /// Told the load errors and duplicate ids `entries` passes over.
    public var warn: WarningSink

    /// The project's root is the folder that holds coldread.yaml, found from the directory's path.
    public init(directory: Directory, warn: @escaping WarningSink = StandardError.write) {
        (self.directory, self.root, self.warn) = (directory, ProjectDirectory.root(of: directory), warn)
    }

    /// Every runbook under `Runbooks/`. A file that does not load is still scheduled, by
    /// its path id, and its errors go to `warn`: a broken runbook is due all the more. A
    /// later file that repeats an explicit id is scheduled under its path id instead
    /// (with the `duplicate-id` error told to `warn`), so two runbooks never share a cadence.
    public func entries() -> [Entry] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let files = (try? RunbookPaths.files([folder], warn: warn)) ?? []
        let options = LoaderOptions(directory: directory)
        var entries: [Entry] = []
        var claims: [DuplicateIds.Claim] = []
        for path in files {
            do {
                let runbook = try RunbookLoader.load(path, options: options)
                entries.append(Entry(id: runbook.id, title: runbook.title, path: path))
                claims.append(DuplicateIds.Claim(runbook))
            } catch {
                error.errors.forEach { warn($0.description) }
                let id = RunbookIdentity.defaultId(forFile: path, workspaceRoot: options.workspaceRoot)
                entries.append(Entry(id: id, title: RunbookIdentity.stem(of: path), path: path))
            }
        }
        for duplicate in DuplicateIds.findings(claims) {
            warn("\(duplicate.location): error: \(duplicate.message) [\(duplicate.rule.rawValue)]")
            if let i = entries.firstIndex(where: { $0.path == duplicate.location.file }) {
                entries[i].id = RunbookIdentity.defaultId(forFile: entries[i].path, workspaceRoot: options.workspaceRoot)
            }
        }
        return entries
    }

    /// The catalog as `KnownRunbooks`, for matching ids from journals and incident files.
    public func known(_ entries: [Entry]) -> KnownRunbooks {
        KnownRunbooks(entries.map { ($0.id, $0.path) })
    }

    /// The id a command-line argument names: a runbook file's id when it is a path to one,
    /// else the known runbook the argument names as an id (an old file-stem id too, when
    /// only one runbook has that stem), else the argument itself unless `requireKnown`.
    /// `among`: the catalog's entries when the caller has them already (each load reads
    /// every runbook and says its warnings again).
    public func id(of argument: String, requireKnown: Bool, among loaded: [Entry]? = nil) throws(CommandFailure) -> String {
        let candidates = argument.hasPrefix("/") ? [argument] : [argument, root + "/" + argument]
        var isDir: ObjCBool = false
        if let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue }) {
            do {
                return try RunbookLoader.load(path, options: LoaderOptions(directory: directory)).id
            } catch {
                throw .input(error)
            }
        }
        let known = loaded ?? entries()
        if let id = self.known(known).match(argument) { return id }
        guard requireKnown else { return argument }
        let ids = known.map(\.id).joined(separator: ", ")
        throw .input("coldread: expected a runbook id or path, found '\(argument)' (hint: runbooks under \(folder): \(ids.isEmpty ? "none" : ids))")
    }
}
