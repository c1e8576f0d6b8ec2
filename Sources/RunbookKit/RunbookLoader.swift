import Foundation
import Synchronization

/// Loads runbooks from Markdown or YAML files, and finds them under folders.
public enum RunbookLoader {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    public static let yamlExtensions: Set<String> = ["yaml", "yml"]

    public static func load(_ path: String, options: LoaderOptions = LoaderOptions()) throws(LoadErrors) -> Runbook {
        let (text, bytes) = try SourceText.read(path)
        return try parse(text, file: path, sha256: options.recordsSHA256 ? SHA256.hex(bytes) : "", options: options)
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

    public static func parse(_ text: String, file: String, sha256: String = "", options: LoaderOptions = LoaderOptions()) throws(LoadErrors) -> Runbook {
        let ext = URL(fileURLWithPath: file, isDirectory: false).pathExtension.lowercased()
        if yamlExtensions.contains(ext) {
            return try YAMLRunbookLoader(file: file, workspaceRoot: options.workspaceRoot).load(text: text, sha256: sha256)
        }
        return try MarkdownRunbookLoader(file: file, options: options).load(text: text, sha256: sha256)
    }

    /// Runbook files named by `paths`: files as given, folders searched recursively for
    /// `.md`/`.markdown`/`.yaml`/`.yml`, sorted for stable output. Missing paths are errors.
    public static func expand(_ paths: [String]) throws(LoadErrors) -> [String] {
        var files: [String] = []
        var errors: [LoadError] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(LoadError(SourceLocation(file: path, line: 1), expected: "a runbook file or folder", found: "no such path"))
                continue
            }
            if !isDir.boolValue { files.append(path); continue }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let rel = walker.nextObject() as? String {
                    let ext = URL(fileURLWithPath: rel, isDirectory: false).pathExtension.lowercased()
                    if markdownExtensions.contains(ext) || yamlExtensions.contains(ext) {
                        let last = URL(fileURLWithPath: rel, isDirectory: false).lastPathComponent
                        if !last.hasPrefix(".") { found.append(base + "/" + rel) }
                    }
                }
            }
            files += found.sorted()
        }
        if !errors.isEmpty { throw LoadErrors(errors) }
        return files
    }
}
