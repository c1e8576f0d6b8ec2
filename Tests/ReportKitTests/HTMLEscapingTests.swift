import DrillKit
import Foundation
import ReportKit
import RunbookKit
import Testing

@Suite("HTML report keeps hostile text inert")
struct HTMLEscapingTests {
    static let script = "<script>alert('x')</script>"
    static let breakout = "\"><img src=x onerror=alert(1)>"

    /// A report whose runbook title, step text, note, inject and probe evidence carry markup.
    static func hostileReport() -> RunReport {
        let here = SourceLocation(file: "evil.md", line: 1)
        let runbook = Runbook(
            id: "evil", title: "Pwn \(script)", path: "evil.md",
            steps: [Step(index: 1, title: "Open \(breakout) now \(script)", location: here)], location: here)
        var script = JournalScript()
        script.start(runbook: "evil", budgetMs: 60_000)
        script.add(.stepShown, at: 0) { $0.step = 1; $0.title = runbook.steps[0].title }
        script.add(.note, at: 100) { $0.step = 1; $0.text = "note \(Self.breakout) \(Self.script)" }
        script.add(.injectShown, at: 200) { $0.step = 1; $0.text = Self.script }
        script.add(.probeResult, at: 300) {
            $0.step = 1
            $0.result = ProbeResult(kind: .link, step: 1, outcome: .notFound, url: "https://x.example/\(Self.breakout)")
        }
        script.add(.stepBlocked, at: 1000) { $0.step = 1; $0.reason = .hadToAsk; $0.note = Self.breakout + Self.script }
        return RunReport(events: script.events, runbook: runbook)
    }

    /// Lists every element and attribute a browser-grade tokenizer sees.
    static let parser = """
    import sys, json
    from html.parser import HTMLParser
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags = []; self.attrs = []; self.text = []
        def handle_starttag(self, tag, attrs):
            self.tags.append(tag); self.attrs += [a for a, _ in attrs]
        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)
        def handle_data(self, data):
            self.text.append(data)
    p = P(); p.feed(sys.stdin.read()); p.close()
    print(json.dumps({"tags": sorted(set(p.tags)), "attrs": sorted(set(p.attrs)), "text": "".join(p.text)}))
    """

    struct Parsed: Decodable {
        var tags: [String]
        var attrs: [String]
        var text: String
    }

    @Test func noScriptElementOrEventAttributeSurvives() async throws {
        let html = HTMLReport.render(Self.hostileReport())
        let result = try await PythonCheck.run(Self.parser, input: html)
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))
        #expect(!parsed.tags.contains("script"))
        #expect(!parsed.tags.contains("img"))
        #expect(parsed.attrs.allSatisfy { !$0.lowercased().hasPrefix("on") })
        // The hostile text is still shown to the facilitator, as text.
        #expect(parsed.text.contains("Pwn \(Self.script)"))
        #expect(parsed.text.contains(Self.breakout))
    }

    @Test func theFileIsSelfContained() async throws {
        let html = HTMLReport.render(try ReportFixtures.mixedDrill())
        let result = try await PythonCheck.run(Self.parser, input: html)
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))
        #expect(!parsed.tags.contains("script"))
        #expect(!parsed.tags.contains("link"))
        #expect(!parsed.attrs.contains("src"))
        #expect(parsed.tags.contains("svg"))
        #expect(html.contains("@media print"))
        #expect(html.contains("class=\"budget\""))
        #expect(html.contains("class=\"bar blocked\""))
    }
}
