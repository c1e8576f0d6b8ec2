import Foundation
import Testing

@Suite("coldread report")
struct ReportCommandTests {
    @Test func latestAsJSONExitsOneForABlockedDrill() async throws {
        let project = try FacilitatorProject(runs: ["20260217T011700Z-ana": try FacilitatorProject.mixedDrill()])
        defer { project.remove() }
        let result = try await project.run("report", "latest", "--format", "json")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["clean"] as? Bool == false)
        #expect(json["blocked_count"] as? Int == 2)
        #expect((json["roadmap"] as? [Any])?.isEmpty == false)
    }

    @Test(arguments: ["md", "html", "junit"])
    func writesEachFormatToAFile(format: String) async throws {
        let project = try FacilitatorProject(runs: ["20260217T011700Z-ana": try FacilitatorProject.mixedDrill()])
        defer { project.remove() }
        let result = try await project.run("report", "20260217", "--format", format, "--output", "out.\(format)")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let text = try #require(project.read("out.\(format)"))
        #expect(text.contains("agent-wrong-answers"))
    }

    @Test func aCleanRunExitsZero() async throws {
        let project = try FacilitatorProject(runs: ["r1": FacilitatorProject.journal(runId: "r1", at: "2026-02-17T13:00:00Z", clean: true)])
        defer { project.remove() }
        let result = try await project.run("report", "r1")
        #expect(result.status == 0)
        #expect(result.stdout.contains("**clean**"))
    }

    @Test func aTornLastLineIsAWarningNotAFailure() async throws {
        let torn = try FacilitatorProject.mixedDrill() + #"{"version":1,"seq":27,"at":"2026-02"#
        let project = try FacilitatorProject(runs: ["r1": torn])
        defer { project.remove() }
        let result = try await project.run("report", "latest")
        #expect(result.status == 1)
        #expect(result.stderr.contains("warning: skipped a torn last line"))
        #expect(result.stdout.contains("## Roadmap"))
    }

    @Test func anUnknownRunIsAnInputError() async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        let result = try await project.run("report", "nope")
        #expect(result.status == 2)
        #expect(result.stderr.contains("expected a run id"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anUnknownFormatIsAUsageError() async throws {
        let project = try FacilitatorProject(runs: ["r1": FacilitatorProject.journal(runId: "r1", at: "2026-02-17T13:00:00Z", clean: true)])
        defer { project.remove() }
        let result = try await project.run("report", "latest", "--format", "pdf")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format expected one of md, json, html, junit"))
    }
}
