@testable import RunbookKit
import Testing

/// A key written twice in front matter, as static sites render it.
@Suite struct FrontMatterRepeatTests {
    let body = "# Rotate keys\n\n## Rotate\n\n```sh\nvault operator rotate\n```\n"

    @Test func aRepeatedKeyColdReadDoesNotReadKeepsItsLastValue() throws {
        let front = "---\nmenu:\n  docs:\n    parent: ops\nlayout: ops\ntags:\n- vault\n\nlayout: docs\ntitle: Rotate keys\n---\n"
        let runbook = try RunbookLoader.parse(front + body, file: "rotate.md")
        #expect(runbook.steps.flatMap { $0.tools.map(\.name) } == ["vault"])
        #expect(runbook.location.line == 12)
    }

    @Test func aRepeatedKeyColdReadReadsIsStillOneError() {
        let front = "---\nlayout: ops\nowner: storage\nlayout: docs\nowner: vault-team\n---\n"
        var errors: [String] = []
        do { _ = try RunbookLoader.parse(front + body, file: "rotate.md") } catch { errors = error.errors.map(\.description) }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("rotate.md:5:1: error: expected each key once in a mapping, found 'owner' a second time") == true, "\(errors)")
    }

    @Test func keepingLastBlanksEarlierEntriesLineForLine() {
        let yaml = "layout: ops\nmenu:\n  docs: x\nlayout: docs\nid: a"
        #expect(FrontMatterRepeats.keepingLast(yaml, except: ["id"]) == "\nmenu:\n  docs: x\nlayout: docs\nid: a")
        #expect(FrontMatterRepeats.keepingLast("id: a\nid: b", except: ["id"]) == "id: a\nid: b")
        #expect(FrontMatterRepeats.keepingLast("layout: ops\n\"id\": a\nlayout: docs", except: ["id"]) == "\n\"id\": a\nlayout: docs")
    }
}
