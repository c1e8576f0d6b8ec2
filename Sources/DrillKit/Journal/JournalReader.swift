import Foundation

/// Reads `journal.jsonl`. A torn last line (power loss mid-write) is skipped with a
/// warning; a bad line anywhere else is an error, because events after it would be
/// replayed out of context.
public enum JournalReader {
    public struct Contents: Sendable {
        public var events: [JournalEvent]
        /// Human-readable warnings (a torn last line), for stderr.
        public var warnings: [String]
    }

    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(path: String)
        case badLine(path: String, line: Int, found: String)

        public var description: String {
            switch self {
            case .unreadable(let path):
                return "\(path):1:1: error: expected a readable journal, found none (hint: list runs with `coldread history`)"
            case .badLine(let path, let line, let found):
                return "\(path):\(line):1: error: expected a journal event (one JSON object per line), found \(found) (hint: only the last line may be torn; restore the file from backup)"
            }
        }
    }

    public static func read(_ path: String) throws(ReadError) -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws(ReadError) -> Contents {
        let decoder = JSONDecoder()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        while let last = lines.last, last.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { lines.removeLast() }
        var events: [JournalEvent] = []
        var warnings: [String] = []
        for (i, line) in lines.enumerated() {
            if line.isEmpty { continue }
            do {
                events.append(try decoder.decode(JournalEvent.self, from: Data(line)))
            } catch {
                if i == lines.count - 1 {
                    warnings.append("\(path):\(i + 1):1: warning: skipped a torn last line (\(line.count) bytes); the run continues from the event before it")
                } else {
                    let text = String(decoding: line.prefix(40), as: UTF8.self)
                    throw .badLine(path: path, line: i + 1, found: "'\(text)'")
                }
            }
        }
        return Contents(events: events, warnings: warnings)
    }
}

/// The folder of runs, `Drills/runs/<run-id>/`, newest last by run id (ids sort by time).
public struct RunStore: Sendable {
    public var root: String

    public init(root: String) { self.root = root }

    public static let journalName = "journal.jsonl"

    public func folder(of runId: String) -> String { root + "/" + runId }
    public func journalPath(of runId: String) -> String { folder(of: runId) + "/" + Self.journalName }

    /// Run ids that have a journal, oldest first.
    public func runIds() -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root) else { return [] }
        return names.filter { fm.fileExists(atPath: journalPath(of: $0)) }.sorted()
    }

    /// Resolves `latest` or an id (or a unique id prefix) to a run id.
    public func resolve(_ reference: String) -> String? {
        let ids = runIds()
        if reference == "latest" { return ids.last }
        if ids.contains(reference) { return reference }
        let matches = ids.filter { $0.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }
}
