import Foundation
import ReportKit
import RunbookKit

/// The JSON face of `gap` (`"version": 1`, snake_case): per runbook and step, the
/// verdict, and per check each person's outcome, unknown reasons and remedies.
public enum GapJSON {
    struct Document: Encodable {
        var version = 1
        var author: String
        var authors: [String]
        var reader: String
        var readers: [String]
        var accessSource: String
        var gapSteps: Int
        var unknownSteps: Int
        var runbooks: [RunbookEntry]
    }

    struct RunbookEntry: Encodable {
        var id: String
        var path: String
        var steps: [StepEntry]
    }

    struct StepEntry: Encodable {
        var step: Int
        var title: String
        var line: Int
        var verdict: String
        var checks: [CheckEntry]
    }

    struct CheckEntry: Encodable {
        var kind: String
        var subject: String
        var breakGlass: Bool
        var verdict: String
        var author: [String: String]
        var reader: [String: String]
        var unknownReasons: [String: String]
        var remedies: [String]
    }

    public static func render(_ result: GapResult) -> String {
        let document = Document(
            author: result.author.description, authors: result.authors, reader: result.reader.description, readers: result.readers,
            accessSource: result.accessSource, gapSteps: result.gapCount, unknownSteps: result.unknownCount,
            runbooks: result.runbooks.map { runbook in
                RunbookEntry(id: runbook.id, path: runbook.path, steps: runbook.steps.map(entry))
            })
        return (JSONDocument.text(document, snakeCaseKeys: true) ?? "{\"version\":1}") + "\n"
    }

    private static func entry(_ step: GapStep) -> StepEntry {
        let gapRemedies = Dictionary(zip(step.gaps.map(\.subject), step.remedies), uniquingKeysWith: { a, _ in a })
        return StepEntry(
            step: step.index, title: step.title, line: step.location.line, verdict: step.verdict.rawValue,
            checks: step.checks.map { check in
                CheckEntry(kind: check.kind.rawValue, subject: check.subject, breakGlass: check.breakGlass,
                           verdict: check.verdict.rawValue, author: check.authorOutcomes.mapValues(\.rawValue),
                           reader: check.readerOutcomes.mapValues(\.rawValue), unknownReasons: check.unknownReasons,
                           remedies: check.verdict == .gap ? gapRemedies[check.subject] ?? [] : [])
            })
    }
}
