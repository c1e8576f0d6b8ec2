import Foundation
import Synchronization

/// Loads runbooks from Markdown or YAML files, and finds them under folders.
public enum RunbookLoader {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    public static let yamlExtensions: Set<String> = ["yaml", "yml"]

    public static func load(_ path: String, options: LoaderOptions = LoaderOptions()) throws(LoadErrors) -> Runbook {
        let (text, bytes) = try SourceText.read(path)
        // `SourceText.read` has already made the line endings LF.
        return try parseNormalized(text, file: path, sha256: options.recordsSHA256 ? sha256Hex(bytes) : "", options: options)
    }

    /// Loads every file of `files`, spread over every core (each file parses on its
    /// own), each answer in the place of its file.
    public static func loadAll(_ files: [String], options: LoaderOptions = LoaderOptions()) -> [Result<Runbook, LoadErrors>] {
        let loaded = Mutex([Result<Runbook, LoadErrors>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result = Result { () throws(LoadErrors) -> Runbook in try load(files[i], options: options) }
            loaded.withLock { $0[i] = result }
        }
        return loaded.withLock { $0.map { $0! } }
    }

    /// Reads a runbook from text; CR LF, lone CR and a byte order mark read as LF would.
    public static func parse(_ text: String, file: String, sha256: String = "", options: LoaderOptions = LoaderOptions()) throws(LoadErrors) -> Runbook {
        try parseNormalized(LineEndings.normalized(text), file: file, sha256: sha256, options: options)
    }

    private static func parseNormalized(_ text: String, file: String, sha256: String, options: LoaderOptions) throws(LoadErrors) -> Runbook {
        let ext = URL(fileURLWithPath: file, isDirectory: false).pathExtension.lowercased()
        if yamlExtensions.contains(ext) {
            return try YAMLRunbookLoader(file: file, workspaceRoot: options.workspaceRoot).load(text: text, sha256: sha256)
        }
        return try MarkdownRunbookLoader(file: file, options: options).load(text: text, sha256: sha256)
    }

    /// Runbook files named by `paths`, sorted for stable output; see `find`.
    public static func expand(_ paths: [String]) throws(LoadErrors) -> [String] {
        try find(paths).files
    }

    /// Runbook files named by `paths`: files as given (each is loaded, and a YAML file
    /// without `steps:` is then an error), folders searched recursively for Markdown and
    /// for the YAML files that have a top-level `steps:` key. A docs folder also holds
    /// Kubernetes manifests, CI workflows and configs; those are counted, not loaded.
    /// Missing paths are errors.
    public static func find(_ paths: [String]) throws(LoadErrors) -> RunbookFiles {
        var found = RunbookFiles()
        var errors: [LoadError] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                // A link that leads nowhere exists to `ls` but not to `fileExists`: say which.
                let danglingLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
                errors.append(danglingLink
                    ? LoadError(SourceLocation(file: path, line: 1), expected: "a runbook file or folder",
                                found: "a symbolic link whose target is missing or loops", hint: "`ls -l \(path)` shows where it points")
                    : LoadError(SourceLocation(file: path, line: 1), expected: "a runbook file or folder", found: "no such path",
                                hint: "check the spelling; with no path, commands read Runbooks/ beside coldread.yaml"))
                continue
            }
            if !isDir.boolValue { found.files.append(path); continue }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let (inFolder, yamlWithoutSteps, emptyPages) = walk(base)
            found.files += inFolder.sorted()
            if yamlWithoutSteps + emptyPages > 0 {
                found.skipped.append(.init(folder: base, yamlWithoutSteps: yamlWithoutSteps, emptyPages: emptyPages))
            }
        }
        if !errors.isEmpty { throw LoadErrors(errors) }
        return found
    }

    /// The runbook files under `folder`, and how many YAML files without steps and empty
    /// Markdown pages (`EmptyPageSniffer`) it passed over. Hidden files and folders
    /// (`.git`, `.github`, `.build`, `.venv`) are not entered: what they hold is tooling,
    /// never a page an on-call reader is sent to.
    /// The project's own `coldread.yaml` is ColdRead's configuration, not a runbook, and
    /// is passed over without being counted, so `coldread lint .` at a project root says
    /// nothing about it.
    private static func walk(_ folder: String) -> (files: [String], yamlWithoutSteps: Int, emptyPages: Int) {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return ([], 0, 0) }
        var files: [String] = []
        var yamlWithoutSteps = 0
        var emptyPages = 0
        while let rel = walker.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard markdownExtensions.contains(ext) || yamlExtensions.contains(ext), name != DirectoryLoader.fileName else { continue }
            let file = folder + "/" + rel
            if yamlExtensions.contains(ext) {
                if YAMLRunbookSniffer.hasSteps(file) { files.append(file) } else { yamlWithoutSteps += 1 }
            } else if let size = walker.fileAttributes?[.size] as? Int, size <= EmptyPageSniffer.largest, EmptyPageSniffer.isEmpty(file) {
                emptyPages += 1
            } else {
                files.append(file)
            }
        }
        return (files, yamlWithoutSteps, emptyPages)
    }
}
