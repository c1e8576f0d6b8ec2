import ReportKit
import Testing

@Suite("Report golden files for a mixed drill")
struct ReportGoldenTests {
    @Test(arguments: ReportFormat.allCases)
    func rendersTheMixedDrill(format: ReportFormat) throws {
        let report = try ReportFixtures.mixedDrill()
        let ext = ["md": "md", "json": "json", "html": "html", "junit": "xml"][format.rawValue]!
        try ReportFixtures.expectGolden(format.render(report), "golden/mixed-drill.\(ext)")
    }
}
