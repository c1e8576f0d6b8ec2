import DrillKit
import ReportKit
import RunbookKit
import Testing

/// A probe that concluded nothing (`unchecked`, `unknown`) is shown as `?` in every report
/// format and is a skipped JUnit case, never a pass; a briefing link (step 0) is reported
/// under "Briefing", before the steps.
@Suite struct InconclusiveProbeReportTests {
    static func dryRun() -> RunReport {
        var script = JournalScript()
        script.start(kind: .dryRun, runbook: "Runbooks/disk")
        script.add(.probeResult, at: 10) {
            $0.runbookId = "Runbooks/disk"
            $0.step = 2
            $0.result = ProbeResult(kind: .link, step: 2, outcome: .unchecked, url: "/manual/disk.html",
                                    reason: "Runbooks/disk.md:9: a site-relative link, not checked (hint: set docs_base_url in coldread.yaml)")
        }
        script.add(.probeResult, at: 11) {
            $0.runbookId = "Runbooks/disk"
            $0.step = 0
            $0.result = ProbeResult(kind: .link, step: 0, outcome: .ok, url: "guide.md", path: "Runbooks/guide.md")
        }
        script.add(.finished, at: 20) { $0.clean = true; $0.blocked = 0; $0.elapsedMs = 20 }
        return RunReport(events: script.events)
    }

    @Test func markdownAndHTMLShowAQuestionMarkNotAPass() {
        let report = Self.dryRun()
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("- ? link /manual/disk.html: unchecked"))
        #expect(!markdown.contains("✓ link /manual/disk.html"))
        let html = HTMLReport.render(report)
        #expect(html.contains("<li class=\"unknown\">link /manual/disk.html: unchecked"))
    }

    @Test func junitSkipsTheStepAndJSONKeepsTheWord() {
        let report = Self.dryRun()
        let junit = JUnitReport.render(report)
        #expect(junit.contains("<skipped message=\"link unchecked: /manual/disk.html\"/>"))
        #expect(JSONReport.render(report).contains("\"outcome\" : \"unchecked\""))
    }

    @Test func theBriefingComesFirstUnderItsName() {
        let report = Self.dryRun()
        #expect(report.steps.map(\.index) == [0, 2])
        #expect(report.steps.first?.title == "Briefing")
    }
}
