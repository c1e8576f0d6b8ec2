import ChildProcess
import DrillKit
import Foundation
import ReportKit
import RunbookKit
import Testing

/// The HTML report as a facilitator opens it: in a real browser (Debian's headless
/// Chromium) at 1280 px, and its timeline scaled to the run.
@Suite struct HTMLLayoutTests {
    /// A drill of three steps, the second blocked by an SSO wall whose redirect URL is
    /// 2,000 characters long, noted by the reader too.
    static func longURLDrill(budgetMs: Int? = nil) -> RunReport {
        let url = "https://sso.corp.example/saml/login?SAMLRequest=" + String(repeating: "fZJNb9swDIbv", count: 163)
        #expect(url.count >= 2000)
        var script = JournalScript()
        script.start(budgetMs: budgetMs)
        script.step(.stepShown, 1, at: 0)
        script.step(.stepDone, 1, at: 4000)
        script.step(.stepShown, 2, at: 4000)
        script.add(.probeResult, at: 4100) {
            $0.step = 2
            $0.result = ProbeResult(kind: .link, step: 2, outcome: .ssoWall, url: url, statusChain: [302, 200], finalURL: url, ms: 80)
        }
        script.step(.stepBlocked, 2, at: 9000, reason: .ssoWall, note: "redirected to " + url)
        script.step(.stepShown, 3, at: 9000)
        script.add(.probeResult, at: 9100) {
            $0.step = 3
            $0.result = ProbeResult(kind: .scope, step: 3, outcome: .unknown, scope: "traces:read", reason: "SCIM did not answer")
        }
        script.step(.stepDone, 3, at: 14000)
        script.add(.finished, at: 14000) { $0.clean = false; $0.blocked = 1; $0.elapsedMs = 14000 }
        return RunReport(events: script.events)
    }

    /// Opens `html` in headless Chromium at 1280×800 with a measuring script appended,
    /// and returns what it measured: the document's scroll width and the step column's.
    static func measure(_ html: String) async throws -> (documentWidth: Int, stepColumn: Int) {
        let folder = NSTemporaryDirectory() + "coldread-html-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let probe = """
            <script>document.body.insertAdjacentHTML("beforeend", "<pre id=measured>" + document.documentElement.scrollWidth + " " + Math.round(document.querySelector("table.steps td:nth-child(2)").getBoundingClientRect().width) + "</pre>")</script>
            </body>
            """
        try html.replacingOccurrences(of: "</body>", with: probe).write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        let chromium = try await ChildProcess.run("/usr/bin/env", [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--user-data-dir=\(folder)/profile", "--window-size=1280,800", "--dump-dom", "file://\(folder)/report.html",
        ])
        let measured = chromium.stdout.components(separatedBy: "<pre id=\"measured\">").dropFirst().first?.components(separatedBy: "</pre>").first
        let numbers = (measured ?? "").split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 2 else {
            throw Failure(description: "chromium measured nothing (status \(chromium.status)): \(chromium.stderr.suffix(600))")
        }
        return (numbers[0], numbers[1])
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    @Test func aTwoThousandCharacterURLFitsA1280PixelWindowInChromium() async throws {
        let html = HTMLReport.render(Self.longURLDrill())
        let measured = try await Self.measure(html)
        #expect(measured.documentWidth <= 1280, "the page is \(measured.documentWidth) px wide")
        #expect(measured.stepColumn >= 200, "the step column is \(measured.stepColumn) px wide")
    }

    @Test func theTimelineIsScaledToTheRunAndAFarBudgetIsALabel() throws {
        let svg = HTMLReport.render(Self.longURLDrill(budgetMs: 30 * 60 * 1000))
        // The 14 s run fills the 520 px chart: step 2 (5 s) is over a third of it, no sliver.
        let widths = svg.components(separatedBy: "<rect class=\"bar ").dropFirst().compactMap { part -> Int? in
            part.components(separatedBy: "width=\"").dropFirst().first?.split(separator: "\"").first.flatMap { Int($0) }
        }
        #expect(widths.count == 3)
        #expect((widths.max() ?? 0) >= 170, "bar widths \(widths)")
        #expect(!svg.contains("<line class=\"budget\""))
        #expect(svg.contains("budget 30m00s, beyond the run →"))
    }

    @Test func aBudgetWithinReachIsADashedMarkerOnTheAxis() {
        let svg = HTMLReport.render(Self.longURLDrill(budgetMs: 16_000))
        #expect(svg.contains("<line class=\"budget\""))
        #expect(!svg.contains("beyond the run"))
    }

    @Test func unknownIsAmberAndAQuestionMarkNotAPass() {
        let report = Self.longURLDrill()
        let html = HTMLReport.render(report)
        #expect(html.contains("<li class=\"unknown\">scope traces:read: unknown"))
        #expect(html.contains("li.unknown{color:#9a6700}li.unknown::marker{content:\"? \"}"))
        #expect(MarkdownReport.render(report).contains("- ? scope traces:read: unknown"))
        let junit = JUnitReport.render(report)
        #expect(junit.contains("<skipped message=\"scope unknown: traces:read\"/>"))
        #expect(JSONReport.render(report).contains("\"outcome\" : \"unknown\""))
    }
}
