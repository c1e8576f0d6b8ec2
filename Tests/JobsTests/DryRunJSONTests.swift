import Foundation
@testable import Jobs
import Testing

/// `coldread dry-run --format json` as a pipeline reads it.
@Suite("Jobs: dry-run JSON")
struct DryRunJSONTests {
    /// A finding reads as the same record `lint --format json` prints; the dry-run folds
    /// its findings back from the journal, which keeps no runbook or step, so those two
    /// members are absent rather than null.
    @Test func findingsAreTheLintRecordWithoutRunbookOrStep() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {\"x:y\": [sre]}\n")
        try project.write("Runbooks/gap.md", "---\nrotation: sre\n---\n# Gap\n## S\n1. Do. <!-- coldread scopes: [z:z] -->\n")
        let directory = try project.directory()
        let job = DryRunJob(directory: directory, access: directory, root: project.root,
                            options: DryRunOptions(files: [project.path("Runbooks/gap.md")], deadlineSeconds: 60),
                            signals: AsyncStream { $0.finish() })
        let json = DryRunFormat.json.render(try await job.run())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let runbook = try #require((document["runbooks"] as? [[String: Any]])?.first)
        let finding = try #require((runbook["findings"] as? [[String: Any]])?.first { $0["rule_id"] as? String == "unknown-scope" })
        #expect(finding.keys.sorted() == ["column", "file", "line", "message", "rule_id", "severity"])
        #expect(finding["severity"] as? String == "error")
        #expect((finding["file"] as? String)?.hasSuffix("Runbooks/gap.md") == true)
        #expect(finding["line"] as? Int == 6 && finding["column"] as? Int == 31)
    }
}
