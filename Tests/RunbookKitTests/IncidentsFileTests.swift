@testable import RunbookKit
import Testing

/// `Drills/incidents.yaml` as `coldread incident` writes it reads back as the same incidents.
@Suite struct IncidentsFileTests {
    static func incident(_ note: String) -> Incident {
        Incident(runbook: "agent-wrong-answers", date: "2026-02-20", note: note,
                 location: SourceLocation(file: "Drills/incidents.yaml", line: 1))
    }

    @Test(arguments: [
        "SRE had no trace access: \"again\"",
        "two lines\nof note\twith a tab",
        "# not a comment, - not a list, {not: a map}, 'quoted', \\ backslash",
        "Zugriff verweigert – 権限なし ✓",
        "a bell \u{07} and a delete \u{7F}",
        "",
    ])
    func aNoteSurvivesTheRoundTrip(note: String) throws {
        let text = try IncidentsLoader.render([Self.incident("first"), Self.incident(note)])
        let read = try IncidentsLoader.parse(text, file: "Drills/incidents.yaml")
        #expect(read.map(\.note) == ["first", note])
        #expect(read.map(\.runbook) == ["agent-wrong-answers", "agent-wrong-answers"])
    }

    @Test func theFileKeepsItsLeadingComments() throws {
        let before = "# Kept by the SRE team.\n# Ask #sre before editing.\nincidents:\n  - runbook: a\n    date: \"2026-01-02\"\n    note: x\n"
        let text = try IncidentsLoader.render([Self.incident("x")], header: IncidentsLoader.header(of: before))
        #expect(text.hasPrefix("# Kept by the SRE team.\n# Ask #sre before editing.\nincidents:\n  - runbook: \"agent-wrong-answers\"\n"))
    }

    @Test func aNewFileStartsWithTheDefaultHeader() throws {
        let text = try IncidentsLoader.render([Self.incident("x")])
        #expect(text.hasPrefix(IncidentsLoader.defaultHeader + "\nincidents:\n  - runbook: "))
    }
}
