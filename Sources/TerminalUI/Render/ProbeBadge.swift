import Foundation
import DrillKit
import RunbookKit

/// How one probed thing looks next to its name: a glyph, the outcome word, a style.
struct ProbeBadge: Hashable {
    var glyph: String
    var word: String
    var style: Frame.Style

    static let wordWidth = 13

    static func of(_ result: ProbeResult?, glyphs: Glyphs, readerKnown: Bool = true, kind: ProbeKind) -> ProbeBadge {
        guard let result else {
            if kind == .scope && !readerKnown { return ProbeBadge(glyph: glyphs.unknown, word: "unknown", style: .warn) }
            return ProbeBadge(glyph: glyphs.waiting, word: "probing", style: .dim)
        }
        let word = result.outcome.rawValue.replacingOccurrences(of: "_", with: " ")
        switch result.outcome {
        case .ok, .held, .present, .pass: return ProbeBadge(glyph: glyphs.good, word: word, style: .good)
        case .unknown, .unchecked: return ProbeBadge(glyph: glyphs.unknown, word: word, style: .warn)
        default: return ProbeBadge(glyph: glyphs.bad, word: word, style: .bad)
        }
    }

    var text: String {
        let padded = word.count < Self.wordWidth ? word + String(repeating: " ", count: Self.wordWidth - word.count) : word + " "
        return glyph + " " + padded
    }
}

/// Finds the result for each thing a step declares.
struct StepResults {
    var results: [ProbeResult]

    func link(_ url: String) -> ProbeResult? { results.last { $0.kind == .link && $0.url == url } }
    func scope(_ name: String) -> ProbeResult? { results.last { $0.kind == .scope && $0.scope == name } }
    func tool(_ name: String) -> ProbeResult? { results.last { $0.kind == .tool && $0.tool == name } }
    func command(_ argv: [String]) -> ProbeResult? { results.last { $0.kind == .command && $0.argv == argv } }

    /// A one-glyph summary for the step list: bad if anything blocks, good when all in.
    func summary(for step: Step, glyphs: Glyphs) -> (String, Frame.Style)? {
        let expected = step.links.count + step.scopes.count + step.tools.count + step.probes.count
        guard expected > 0 else { return nil }
        if results.contains(where: { $0.outcome.blocks }) { return (glyphs.bad, .bad) }
        if results.count < expected { return (glyphs.waiting, .dim) }
        return results.contains(where: { $0.outcome.isInconclusive }) ? (glyphs.unknown, .warn) : (glyphs.good, .good)
    }
}
