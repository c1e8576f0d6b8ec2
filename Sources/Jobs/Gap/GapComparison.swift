import ProbeKit
import RunbookKit

/// What one check of a step (a scope, a link, a tool, a command check) gave each side.
public struct GapCheck: Sendable, Hashable {
    /// Where the two sides stand on this check.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// The author side can, the reader side cannot: the gap the command exists for.
        case gap
        /// Some answer was unknown: never a gap and never a pass.
        case unknown
        /// Both sides can.
        case both
        /// Neither side can, or only the reader side can: not the author's privilege.
        case neither
    }

    public var kind: ProbeKind
    public var subject: String
    public var breakGlass: Bool
    public var verdict: Verdict
    /// Each person's outcome, author side first.
    public var authorOutcomes: [String: ProbeOutcome]
    public var readerOutcomes: [String: ProbeOutcome]
    /// Why answers were unknown, per person.
    public var unknownReasons: [String: String]

    /// The reader-side people the check stops.
    public var blockedReaders: [String] { readerOutcomes.filter { $0.value.blocks }.keys.sorted() }
}

/// One step as both sides see it.
public struct GapStep: Sendable, Hashable {
    public var index: Int
    public var title: String
    public var location: SourceLocation
    public var checks: [GapCheck]
    /// The step's remedies, one list per gap check (same order as `gaps`).
    public var remedies: [[String]] = []

    public var gaps: [GapCheck] { checks.filter { $0.verdict == .gap } }
    public var unknowns: [GapCheck] { checks.filter { $0.verdict == .unknown } }

    /// The step's verdict: a gap wins, then unknown, then both when every check is
    /// open to both (a step with no checks works for both).
    public var verdict: GapCheck.Verdict {
        if checks.contains(where: { $0.verdict == .gap }) { return .gap }
        if checks.contains(where: { $0.verdict == .unknown }) { return .unknown }
        return checks.allSatisfy { $0.verdict == .both } ? .both : .neither
    }
}

/// Compares each person's probe results, step by step. Pure: probing happens before.
enum GapComparison {
    /// `results[person]` holds that person's results for one runbook.
    static func steps(of runbook: Runbook, authors: [String], readers: [String],
                      results: [String: [ProbeResult]]) -> [GapStep] {
        runbook.steps.map { step in
            let keys = orderedKeys(step.index, results: results)
            let checks = keys.map { key in
                check(key, authors: authors, readers: readers, results: results, step: step.index)
            }
            return GapStep(index: step.index, title: step.title, location: step.location, checks: checks)
        }
    }

    struct Key: Hashable {
        var kind: ProbeKind
        var subject: String
        var breakGlass: Bool
    }

    private static func key(_ result: ProbeResult) -> Key {
        Key(kind: result.kind, subject: result.subject, breakGlass: result.breakGlass ?? false)
    }

    /// Every check of the step, in the order any person's results list them.
    private static func orderedKeys(_ step: Int, results: [String: [ProbeResult]]) -> [Key] {
        var seen = Set<Key>()
        var keys: [Key] = []
        for person in results.keys.sorted() {
            for result in results[person] ?? [] where result.step == step && seen.insert(key(result)).inserted {
                keys.append(key(result))
            }
        }
        return keys
    }

    private static func check(_ key: Key, authors: [String], readers: [String],
                              results: [String: [ProbeResult]], step: Int) -> GapCheck {
        func outcomes(_ people: [String]) -> [String: ProbeOutcome] {
            var out: [String: ProbeOutcome] = [:]
            for person in people {
                out[person] = results[person]?.first { $0.step == step && Self.key($0) == key }?.outcome ?? .unknown
            }
            return out
        }
        var reasons: [String: String] = [:]
        for person in Set(authors + readers) {
            guard let result = results[person]?.first(where: { $0.step == step && Self.key($0) == key }),
                  result.outcome == .unknown else { continue }
            reasons[person] = result.reason ?? "no answer"
        }
        let author = outcomes(authors)
        let reader = outcomes(readers)
        return GapCheck(kind: key.kind, subject: key.subject, breakGlass: key.breakGlass,
                        verdict: verdict(author: Array(author.values), reader: Array(reader.values)),
                        authorOutcomes: author, readerOutcomes: reader, unknownReasons: reasons)
    }

    /// A gap needs a positive answer on the author side and a block on the reader side.
    /// An `unknown` on either side makes the check unknown, unless the sides agree that
    /// it blocks. `unchecked` (a link nobody could check) is the same for everyone, so
    /// it decides nothing about the difference between two people.
    static func verdict(author: [ProbeOutcome], reader: [ProbeOutcome]) -> GapCheck.Verdict {
        let authorCan = author.allSatisfy { !$0.blocks && $0 != .unknown }
        let readerCan = reader.allSatisfy { !$0.blocks && $0 != .unknown }
        let readerBlocked = reader.contains { $0.blocks }
        let anyUnknown = (author + reader).contains(.unknown)
        if authorCan && readerBlocked { return .gap }
        if authorCan && readerCan { return .both }
        if anyUnknown { return .unknown }
        return .neither
    }
}
