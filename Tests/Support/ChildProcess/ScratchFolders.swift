import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch folders for tests that build a project on disk. Every one lives under one
/// folder per test process, removed when the process exits, pass or fail; a folder left
/// by a test process that died without exiting (a crash, SIGKILL) is removed by the next
/// run, since its pid is gone. Tests that remove their own folder still may: nothing
/// else depends on it. Before this, each scratch folder stayed in the temporary folder
/// for ever (hundreds after a day of `swift test`).
public enum ScratchFolders {
    static let prefix = "coldread-scratch-"

    /// This process's folder of scratch folders, made (and its exit cleanup registered)
    /// on first use.
    static let root: String = {
        let base = NSTemporaryDirectory()
        removeAbandoned(in: base)
        let root = base + prefix + String(getpid())
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { ScratchFolders.removeOwnRoot() }
        return root
    }()

    /// A new empty folder whose name starts with `name`.
    public static func make(_ name: String) throws -> String {
        let dir = root + "/" + name + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes an executable script that a test then runs. Its descriptor is opened
    /// close-on-exec and written in place: Foundation's atomic write opens its temporary
    /// file without it, so a child that another test started at that instant kept the
    /// script open for writing, and running it failed with "Text file busy" (ETXTBSY).
    public static func writeScript(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            bytes = bytes.dropFirst(written)
        }
    }

    static func removeOwnRoot() {
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + prefix + String(getpid()))
    }

    /// Removes the folders of test processes that no longer exist.
    static func removeAbandoned(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: base + name)
            }
        }
    }
}
