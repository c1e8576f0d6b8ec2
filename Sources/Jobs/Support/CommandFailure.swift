import Foundation
import RunbookKit
import SystemPackage

/// A failure the CLI reports as one line on stderr (what and where, plus a hint) and
/// turns into an exit code: 2 for usage, config or input errors, 3 for internal errors.
public struct CommandFailure: Error {
    public var lines: [String]
    public var exitCode: Int32

    public init(lines: [String], exitCode: Int32) {
        self.lines = lines
        self.exitCode = exitCode
    }

    public static func input(_ line: String) -> CommandFailure { CommandFailure(lines: [line], exitCode: 2) }
    public static func input(_ errors: LoadErrors) -> CommandFailure {
        CommandFailure(lines: errors.errors.map(\.description), exitCode: 2)
    }
    /// A bad flag value found after parsing: one line and the hint ArgumentParser's own
    /// usage errors get, exit 2.
    public static func usage(_ line: String, command: String) -> CommandFailure {
        CommandFailure(lines: [line, "hint: see `coldread \(command) --help`"], exitCode: 2)
    }
    public static func `internal`(_ line: String) -> CommandFailure { CommandFailure(lines: [line], exitCode: 3) }
}

/// Writes to stderr without buffering surprises, through the output redaction. Each
/// line stays one line: control characters from files or servers inside it are
/// escaped, never interpreted.
public enum StandardError {
    public static func write(_ line: String) {
        FileHandle.standardError.write(Data((OneLine.escaped(Outbound.redaction.apply(line)) + "\n").utf8))
    }
}

/// Writes a whole document to stdout in as few writes as the pipe takes: `print` wrote a
/// ten-thousand-result report in many small pieces. A closed pipe (`| head`) ends it
/// quietly: nobody is reading any more. It passes the output redaction.
public enum StandardOutput {
    public static func write(_ text: String) {
        _ = try? FileDescriptor.standardOutput.writeAll(Outbound.redaction.apply(text).utf8)
    }
}

/// Where the project's coldread.yaml is, and what lives beside it.
public enum ProjectDirectory {
    /// The directory, from `config` when given, else found like git finds `.git`; a
    /// missing or bad file is a one-line error naming `coldread init` or file:line:column.
    public static func load(config: String?) throws(CommandFailure) -> Directory {
        let path: String
        if let config {
            path = config
        } else if let found = DirectoryLoader.discover(from: FileManager.default.currentDirectoryPath) {
            path = relativePath(found)
        } else {
            throw .input("coldread: no \(DirectoryLoader.fileName) in \(FileManager.default.currentDirectoryPath) or any parent folder (hint: run `coldread init` to create one, or pass --config FILE)")
        }
        do {
            let directory = try DirectoryLoader.load(path)
            Outbound.use(directory)
            return directory
        } catch {
            throw .input(error)
        }
    }

    /// The folder that holds coldread.yaml: `Runbooks/` and `Drills/` live beside it.
    public static func root(of directory: Directory) -> String {
        let parent = URL(fileURLWithPath: directory.path).deletingLastPathComponent().path
        return relativePath(parent.isEmpty ? "." : parent)
    }
}

/// Shortens an absolute path under the working directory, for stable, readable output.
public func relativePath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if path == cwd { return "." }
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
