import Foundation
import RunbookKit
import SystemPackage

/// Appends events to `journal.jsonl`, one JSON object per line with sorted keys, and
/// fsyncs each line before `append` returns: the caller acknowledges an event on screen
/// only after this, so a crash or power loss never loses an acknowledged event.
public final class JournalWriter {
    public enum WriteError: Error, CustomStringConvertible {
        case cannotOpen(path: String, errno: Int32)
        case cannotWrite(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let code):
                return "\(path):1:1: error: expected a writable journal, found \(String(cString: strerror(code))) (hint: check the permissions of Drills/runs)"
            case .cannotWrite(let path, let code):
                return "\(path):1:1: error: expected to append a journal event, found \(String(cString: strerror(code))) (hint: is the disk full?)"
            }
        }
    }

    public let path: String
    private let descriptor: Int32
    private let encoder: JSONEncoder
    private let redaction: Redaction

    /// Opens (creating folders and the file when needed) for appending. A torn last
    /// line (a write cut short by a crash) is cut off first, so the next event starts on
    /// a line of its own; readers skip such a line anyway, with a warning.
    public init(path: String, redaction: Redaction = .standard) throws(WriteError) {
        self.path = path
        self.redaction = redaction
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let existed = FileManager.default.fileExists(atPath: path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        descriptor = fd
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if existed { Self.cutTornTail(fd) } else { Self.syncFolder(folder) }
    }

    private static func cutTornTail(_ fd: Int32) {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        var byte: UInt8 = 0
        guard pread(fd, &byte, 1, size - 1) == 1, byte != UInt8(ascii: "\n") else { return }
        var end = size - 1
        while end > 0 {
            guard pread(fd, &byte, 1, end - 1) == 1 else { return }
            if byte == UInt8(ascii: "\n") { break }
            end -= 1
        }
        if ftruncate(fd, end) == 0 { fsync(fd) }
    }

    deinit { close(descriptor) }

    /// One event as its journal line (without the newline), with the URL redaction.
    public static func line(for event: JournalEvent) -> String { line(for: event, redaction: .standard) }

    /// One event as its journal line (without the newline), redacted.
    public static func line(for event: JournalEvent, redaction: Redaction) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(event)).map { redaction.apply(String(decoding: $0, as: UTF8.self)) } ?? ""
    }

    /// Writes the line and fsyncs it. Returns only once the event is durable.
    public func append(_ event: JournalEvent) throws(WriteError) {
        guard let encoded = try? encoder.encode(event) else { throw .cannotWrite(path: path, errno: EINVAL) }
        var data = Data(redaction.apply(String(decoding: encoded, as: UTF8.self)).utf8)
        data.append(UInt8(ascii: "\n"))
        do {
            _ = try FileDescriptor(rawValue: descriptor).writeAll(data)
        } catch {
            throw .cannotWrite(path: path, errno: (error as? Errno)?.rawValue ?? EIO)
        }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: path, errno: errno) }
    }

    /// A new file's directory entry must be durable too, or the whole journal can vanish.
    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
