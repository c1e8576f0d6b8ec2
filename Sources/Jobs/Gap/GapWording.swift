import ProbeKit
import RunbookKit

/// The words for one check, shared by the text, JSON and annotation outputs.
enum GapWording {
    static func what(_ check: GapCheck) -> String {
        let glass = check.breakGlass ? " (break-glass)" : ""
        switch check.kind {
        case .scope: return "scope \(check.subject)\(glass)"
        case .link: return "link \(check.subject)\(glass)"
        case .tool: return "tool \(check.subject)"
        case .command: return "command check `\(check.subject)`"
        }
    }

    /// "scope x: held by dmitri; not_held for ana, ben".
    static func gapLine(_ check: GapCheck, author: GapParty, reader: GapParty) -> String {
        let byOutcome = Dictionary(grouping: check.blockedReaders) { check.readerOutcomes[$0]?.rawValue ?? "?" }
        let walls = byOutcome.keys.sorted().map { "\($0) for \(byOutcome[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
        return "\(what(check)): \(passWord(check.kind)) for \(author); \(walls)"
    }

    static func unknownLine(_ check: GapCheck) -> String {
        let why = check.unknownReasons.keys.sorted().map { "\($0): \(check.unknownReasons[$0]!)" }.joined(separator: "; ")
        return "\(what(check)): unknown (\(why.isEmpty ? "no answer" : why))"
    }

    static func passWord(_ kind: ProbeKind) -> String {
        switch kind {
        case .scope: return "held"
        case .link: return "opens"
        case .tool: return "present"
        case .command: return "passes"
        }
    }
}
