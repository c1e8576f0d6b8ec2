import Foundation
import RunbookKit

/// Reads `journal.jsonl`. A torn last line (power loss mid-write) is skipped with a
/// warning; a bad line anywhere else is an error naming its line, because events after
/// it would be replayed out of context. Events and blocked reasons a newer version wrote
/// are kept, skipped by the folds and named once in a warning, so an upgrade never
/// makes old runs unreadable or a downgrade new ones.
public enum JournalReader {
    public struct Contents: Sendable {
        public var events: [JournalEvent]
        /// Human-readable warnings (a torn last line, unknown words, a `finished` event
        /// that contradicts the steps), one line each, for stderr.
        public var warnings: [String]
    }

    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(path: String)
        case badLine(path: String, line: Int, found: String)
        case notStarted(path: String, line: Int, found: String)

        public var description: String {
            switch self {
            case .unreadable(let path):
                return "\(path):1:1: error: expected a readable journal, found none (hint: list runs with `coldread history`)"
            case .badLine(let path, let line, let found):
                return "\(path):\(line):1: error: expected a journal event (one JSON object per line), found \(found) (hint: only the last line may be torn; restore the file from backup)"
            case .notStarted(let path, let line, let found):
                return "\(path):\(line):1: error: expected a `started` event first, found \(found) (hint: this journal has lost its beginning; it cannot be reported or resumed, so start a new run)"
            }
        }
    }

    public static func read(_ path: String) throws(ReadError) -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return try decode(data, path: path)
    }

    /// Decodes a whole journal. `report`, `--resume`, `history` and `schedule` all read
    /// through here, so they accept and refuse the same journals: the first event this
    /// version knows must be `started`.
    public static func decode(_ data: Data, path: String) throws(ReadError) -> Contents {
        let decoder = JSONDecoder()
        // Split as an array: `Data`'s own split reads it a byte at a time through its
        // representation, which was a fifth of `history` over large dry-run journals.
        var lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        while let last = lines.last, last.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { lines.removeLast() }
        var events: [JournalEvent] = []
        var lineOf: [Int] = []
        var warnings: [String] = []
        var unknown = UnknownWords()
        for (i, line) in lines.enumerated() {
            if line.isEmpty { continue }
            do {
                var event = try decoder.decode(JournalEvent.self, from: Data(line))
                try JournalBounds.check(event)
                unknown.note(&event, line: Data(line), number: i + 1, decoder: decoder)
                events.append(event)
                lineOf.append(i + 1)
            } catch {
                if i == lines.count - 1 {
                    warnings.append("\(path):\(i + 1):1: warning: skipped a torn last line (\(line.count) bytes); the run continues from the event before it")
                } else {
                    throw .badLine(path: path, line: i + 1, found: describe(line, error))
                }
            }
        }
        if let first = events.firstIndex(where: { $0.type != .unrecognized }), events[first].type != .started {
            throw .notStarted(path: path, line: lineOf[first], found: "`\(events[first].type.rawValue)`")
        } else if events.allSatisfy({ $0.type == .unrecognized }) {
            throw .notStarted(path: path, line: 1, found: !events.isEmpty ? "only events this version does not know"
                : lines.last.map { "no whole event, only a torn line '\(OneLine.escaped(String(decoding: $0.prefix(40), as: UTF8.self)))'" }
                ?? "an empty journal")
        }
        warnings += unknown.warning(path: path)
        if let finished = events.lastIndex(where: { $0.type == .finished }), let flag = events[finished].clean {
            let verdict = RunVerdict(events: events)
            if flag != verdict.clean {
                warnings.append("\(path):\(lineOf[finished]):1: warning: the `finished` event says clean: \(flag), but the steps say \(verdict.clean ? "clean" : "not clean") (\(verdict.why)); the steps count (hint: the journal was edited or written by a faulty tool)")
            }
        }
        return Contents(events: events, warnings: warnings)
    }

    /// What a bad line held, short and with control characters escaped, for one error line.
    private static func describe(_ line: ArraySlice<UInt8>, _ error: any Error) -> String {
        let text = OneLine.escaped(String(decoding: line.prefix(40), as: UTF8.self))
        if let bounds = error as? JournalBounds.OutOfRange { return "'\(text)…' (\(bounds.field) \(bounds.value) is out of range)" }
        return "'\(text)'"
    }
}

/// Words from a newer version, gathered while reading so they are reported once.
private struct UnknownWords {
    private var types: [String: Int] = [:]
    private var reasons: [String: Int] = [:]
    private var firstLine: Int?

    private struct Words: Decodable { var type: String?; var reason: String? }

    mutating func note(_ event: inout JournalEvent, line: Data, number: Int, decoder: JSONDecoder) {
        guard event.type == .unrecognized || event.type == .stepBlocked else { return }
        guard let words = try? decoder.decode(Words.self, from: line) else { return }
        if event.type == .unrecognized, let word = words.type {
            event.unrecognizedWord = word
            types[word, default: 0] += 1
            firstLine = firstLine ?? number
        } else if let word = words.reason, BlockedReason(rawValue: word) == nil {
            event.unrecognizedWord = word
            reasons[word, default: 0] += 1
            firstLine = firstLine ?? number
        }
    }

    func warning(path: String) -> [String] {
        guard let firstLine else { return [] }
        var parts: [String] = []
        if !types.isEmpty {
            parts.append("skipped \(types.values.reduce(0, +)) event(s) of unknown type " + list(types))
        }
        if !reasons.isEmpty {
            parts.append("read blocked reason " + list(reasons) + " as `other` (the steps stay blocked)")
        }
        return ["\(path):\(firstLine):1: warning: " + parts.joined(separator: "; ") + " (hint: a newer coldread wrote this journal; they are kept in the file)"]
    }

    private func list(_ words: [String: Int]) -> String {
        words.keys.sorted().prefix(5).map { "`" + OneLine.escaped(String($0.prefix(40))) + "`" }.joined(separator: ", ")
    }
}

/// Numbers a journal line may carry: anything outside these ranges is a damaged or
/// hostile line, refused before any arithmetic on it could overflow.
enum JournalBounds {
    /// About 300 years of milliseconds.
    static let longestMs = 10_000_000_000_000
    static let largestCount = 1_000_000_000

    struct OutOfRange: Error { var field: String; var value: Int }

    static func check(_ event: JournalEvent) throws(OutOfRange) {
        let ms: [(String, Int?)] = [("mono_ms", event.monoMs), ("budget_ms", event.budgetMs), ("elapsed_ms", event.elapsedMs),
                                    ("result.ms", event.result?.ms)]
        let counts: [(String, Int?)] = [("seq", event.seq), ("step", event.step), ("blocked", event.blocked),
                                        ("undoes", event.undoes), ("result.step", event.result?.step)]
        for (field, value) in ms { if let value, !(0...longestMs).contains(value) { throw OutOfRange(field: field, value: value) } }
        for (field, value) in counts { if let value, !(0...largestCount).contains(value) { throw OutOfRange(field: field, value: value) } }
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
