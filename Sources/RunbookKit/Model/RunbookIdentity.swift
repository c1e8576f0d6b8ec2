import Foundation

/// A runbook's identity: front matter `id`, else its path relative to the workspace root
/// (the folder of `coldread.yaml`) without its extension, so `a/README.md` and
/// `b/README.md` stay two runbooks in journals, reports and the cadence.
public enum RunbookIdentity {
    /// The id of a runbook file that declares none. Without a workspace root, the path as
    /// given (relative paths stay relative) without its extension.
    public static func defaultId(forFile file: String, workspaceRoot: String?) -> String {
        let relative = workspaceRoot.map { relativePath(of: file, under: $0) } ?? file
        return withoutExtension(relative)
    }

    /// The file stem: the id runbooks had before ids were paths, still found in old
    /// journals and incident files.
    public static func stem(of path: String) -> String {
        URL(fileURLWithPath: path, isDirectory: false).deletingPathExtension().lastPathComponent
    }

    /// The absolute path with `..`, `.` and symbolic links resolved, so one file always
    /// yields one id whichever way it was named.
    /// realpath(3) for a file that exists (one call per runbook in a lint of thousands;
    /// Foundation's own resolution cost a tenth of the lint), else the standardized path.
    public static func canonicalPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The folder that holds the `coldread.yaml` at `configPath`, absolute.
    public static func workspaceRoot(ofConfig configPath: String) -> String {
        "/" + absoluteParts(configPath).dropLast().joined(separator: "/")
    }

    /// `file` relative to `root`, climbing with `..` when it lies outside. Worked out on
    /// the paths as written (`.` and `..` resolved, symbolic links kept), so an id is the
    /// same on every machine that holds the same tree, even where a folder beside the
    /// workspace is a link on one of them.
    static func relativePath(of file: String, under root: String) -> String {
        let fileParts = absoluteParts(file)
        let rootParts = absoluteParts(root)
        var shared = 0
        while shared < min(fileParts.count, rootParts.count), fileParts[shared] == rootParts[shared] { shared += 1 }
        let climb = Array(repeating: Substring(".."), count: rootParts.count - shared)
        return (climb + fileParts[shared...]).joined(separator: "/")
    }

    /// The components of `path` made absolute against the working directory, with `.`
    /// and `..` resolved by name.
    static func absoluteParts(_ path: String) -> [Substring] {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return parts
    }

    private static let workingDirectory = FileManager.default.currentDirectoryPath

    private static func withoutExtension(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return stripExtension(path[...]) }
        return String(path[...slash]) + stripExtension(path[path.index(after: slash)...])
    }

    private static func stripExtension(_ name: Substring) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }
}

/// The runbooks a workspace holds, for matching an id found in a journal, an incident
/// file or on the command line to one of them. Ids written before ids were paths (the
/// file stem) still match, but only when exactly one runbook has that stem: two
/// `README.md` runbooks never share one record.
public struct KnownRunbooks: Sendable {
    private let ids: Set<String>
    private let byPath: [String: String]
    private let byStem: [String: [String]]

    /// Each runbook by its id and the path of its file.
    public init(_ entries: [(id: String, path: String)]) {
        ids = Set(entries.map(\.id))
        byPath = Dictionary(entries.map { (RunbookIdentity.canonicalPath($0.path), $0.id) }, uniquingKeysWith: { a, _ in a })
        byStem = Dictionary(grouping: entries) { RunbookIdentity.stem(of: $0.path) }.mapValues { Array(Set($0.map(\.id))) }
    }

    /// The id of the known runbook that `id` (and, from a journal, the runbook's `path`)
    /// names, or nil when it names none or is ambiguous.
    public func match(_ id: String, path: String? = nil) -> String? {
        if ids.contains(id) { return id }
        if let path, let known = byPath[RunbookIdentity.canonicalPath(path)] { return known }
        if let candidates = byStem[id], candidates.count == 1 { return candidates[0] }
        return nil
    }

    /// `match`, else `id` unchanged (a runbook no longer in the workspace keeps its record).
    public func canonical(_ id: String, path: String? = nil) -> String {
        match(id, path: path) ?? id
    }
}
