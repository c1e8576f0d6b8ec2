import Foundation
@testable import ReportKit
import RunbookKit
import Testing

/// `lint --format json` is written by hand for speed; it must stay byte for byte what
/// JSONEncoder writes for the same document, with each finding the `FindingJSONEntry`
/// that the dry-run's JSON encodes.
@Suite struct FindingsJSONTests {
    struct ReferenceDocument: Encodable {
        var version = 1
        var findings: [FindingJSONEntry]
        var summary: [String: Int]
    }

    static func reference(_ findings: [Finding], filesChecked: Int) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = ReferenceDocument(
            findings: findings.map(FindingJSONEntry.init),
            summary: [
                "files": filesChecked,
                "errors": findings.filter { $0.severity == .error }.count,
                "warnings": findings.filter { $0.severity == .warning }.count,
            ])
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static let awkwardText = [
        #"step 1 "Quote" needs 'a:b' at C:\ops\run"#, "line one\nline two\r\nand\ta tab",
        "control \u{0} \u{1} \u{8} \u{B} \u{C} \u{1F} \u{7F} end", "unicode é ß 漢字 👩‍👩‍👧 \u{2028} \u{301}",
        "slashes https://a.example/b/c and // and \\/", "", "%25 & < > = ' `",
    ]

    static var findings: [Finding] {
        awkwardText.enumerated().map { i, text in
            Finding(rule: LintRule.allCases[i % LintRule.allCases.count],
                    location: SourceLocation(file: "Runbooks/\(text.prefix(12)).md", line: i + 1, column: 3 * i + 1),
                    message: text, runbookId: i % 3 == 0 ? nil : "rb-\(text)", step: i % 2 == 0 ? nil : i * 1000)
        }
    }

    @Test func findingsWithAwkwardTextMatchJSONEncoder() throws {
        let findings = Self.findings
        #expect(FindingFormat.json(findings, filesChecked: 12) == (try Self.reference(findings, filesChecked: 12)))
    }

    @Test func noFindingsMatchJSONEncoder() throws {
        #expect(FindingFormat.json([], filesChecked: 0) == (try Self.reference([], filesChecked: 0)))
    }

    @Test func strictSeveritiesAndEveryRuleMatchJSONEncoder() throws {
        let findings = LintRule.allCases.enumerated().flatMap { i, rule in
            [Severity.note, .warning, .error].map {
                Finding(rule: rule, severity: $0, location: SourceLocation(file: "a b/\(rule).md", line: i + 1),
                        message: rule.summary, runbookId: "rb", step: i + 1)
            }
        }
        #expect(FindingFormat.json(findings, filesChecked: 1) == (try Self.reference(findings, filesChecked: 1)))
    }
}
