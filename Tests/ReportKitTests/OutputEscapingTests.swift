import DrillKit
import Foundation
import ReportKit
import RunbookKit
import Testing

/// Text from notes, titles and paths reaches every output format, each with its own
/// escaping: these pin what a reader of each format gets for the same awkward text.
@Suite("Escaping in every output format")
struct OutputEscapingTests {
    /// Markup, iCalendar and URI specials, a lone CR and LF, a tab, a control character
    /// and a noncharacter.
    static let awkward = "a&b<c>\"d\"'e';f,g\\h x\ry\nz\t\u{1}\u{FFFE}!"

    static func report(step note: String) -> RunReport {
        var script = JournalScript()
        script.start()
        script.step(.stepShown, 1, at: 0)
        script.step(.stepBlocked, 1, at: 1000, reason: .other, note: note)
        script.add(.note, at: 1500) { $0.step = 1; $0.text = "noted " + note }
        return RunReport(events: script.events)
    }

    @Test func htmlEscapesMarkupAndDropsWhatXMLForbids() {
        let html = HTMLReport.render(Self.report(step: Self.awkward))
        let escaped = "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;;f,g\\h x&#13;y\nz\t!"
        #expect(html.contains("<li class=\"blocked\">Blocked: other — \(escaped)</li><li class=\"note\">Note: noted \(escaped)</li>"))
    }

    @Test func markdownKeepsStepLinesOnOneLineWithoutRawHTML() {
        let markdown = MarkdownReport.render(Self.report(step: Self.awkward))
        let escaped = "a&amp;b&lt;c&gt;\"d\"'e';f,g\\h x y z\t\u{1}\u{FFFE}!"
        #expect(markdown.contains("\n- Blocked: other — \(escaped)\n- Note: noted \(escaped)\n"))
    }

    @Test func icalendarEscapesTextValues() {
        let entry = DrillCalendar.Entry(runbookId: "rb", title: "t", due: Date(timeIntervalSince1970: 0), overdue: false,
                                        detail: "a\\b;c,d\ne\rf\tg\u{1}h")
        let calendar = DrillCalendar.render([entry], stamp: Date(timeIntervalSince1970: 0))
        #expect(calendar.contains("\r\nDESCRIPTION:a\\\\b\\;c\\,d\\nef\tgh\r\n"))
    }

    @Test func sarifURIsEscapeSpacesPercentHashAndQuestionMarksOnly() throws {
        let finding = Finding(rule: .noSteps, location: SourceLocation(file: "Run books/50%#1?é/x.md", line: 1), message: "m")
        let text = FindingFormat.sarif.render([finding], filesChecked: 1, toolVersion: "t")
        #expect(text.contains("\"uri\" : \"Run%20books/50%25%231%3Fé/x.md\""))
    }
}
