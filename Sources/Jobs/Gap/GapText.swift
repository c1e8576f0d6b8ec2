import RunbookKit

/// The text face of `gap`: each step only the author side can do, with what differs
/// and the remedies; unknown answers apart (never a gap, never a pass); the steps that
/// work for both or for neither in one line each.
public enum GapText {
    public static func render(_ result: GapResult) -> String {
        var lines: [String] = []
        let readers = result.reader == .person(result.readers.first ?? "") ? "" : " (\(result.readers.joined(separator: ", ")))"
        let authors = result.author == .person(result.authors.first ?? "") ? "" : " (\(result.authors.joined(separator: ", ")))"
        lines.append("author: \(result.author)\(authors) · reader: \(result.reader)\(readers) · scopes from \(result.accessSource)")
        if !result.peopleWithoutProfile.isEmpty {
            lines.append("no credentials profile for \(result.peopleWithoutProfile.joined(separator: ", ")): their links were probed without credentials")
        }
        for runbook in result.runbooks {
            lines.append("")
            lines.append("\(relativePath(runbook.path)) (\(runbook.id))")
            lines += runbookLines(runbook, result)
        }
        lines.append("")
        lines.append(summary(result))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func runbookLines(_ runbook: GapResult.RunbookGaps, _ result: GapResult) -> [String] {
        var lines: [String] = []
        for step in runbook.steps where step.verdict == .gap {
            lines.append("  step \(step.index) \"\(step.title)\" (\(step.location)): only \(result.author) can do it")
            for (check, remedies) in zip(step.gaps, step.remedies) {
                lines.append("    - " + GapWording.gapLine(check, author: result.author, reader: result.reader))
                lines += remedies.map { "      remedy: \($0)" }
            }
        }
        for step in runbook.steps where step.verdict == .unknown {
            lines.append("  step \(step.index) \"\(step.title)\": unknown, so neither a gap nor a pass")
            lines += step.unknowns.map { "    - " + GapWording.unknownLine($0) }
        }
        for verdict in [GapCheck.Verdict.both, .neither] {
            let steps = runbook.steps.filter { $0.verdict == verdict }.map { String($0.index) }
            guard !steps.isEmpty else { continue }
            let label = verdict == .both ? "work for both" : "work for neither (not the author's privilege)"
            lines.append("  steps that \(label): \(steps.joined(separator: ", "))")
        }
        return lines
    }

    private static func summary(_ result: GapResult) -> String {
        let gaps = result.gapCount
        let unknown = result.unknownCount
        var line = gaps == 0
            ? "no step works only for \(result.author)"
            : "\(gaps) step\(gaps == 1 ? "" : "s") only \(result.author) can do"
        if unknown > 0 { line += "; \(unknown) step\(unknown == 1 ? "" : "s") unknown (not a pass)" }
        return line + "."
    }
}
