import Jobs
import Testing

/// `ProbeRun`'s progress counter goes to the writer the command injects (stderr's
/// terminal), from nothing answered to all, and is cleared at the end.
@Suite("Jobs: probe progress")
struct ProbeProgressTests {
    @Test func theCounterRunsFromNoneToAllAndIsClearedAtTheEnd() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", ProbeAndAccessTests.config)
        try project.write("Runbooks/failover.md", "# Failover\n\n## Fix\n\n```bash\nbin/rails db:migrate\nbin/rake cache:clear\n```\n")
        let drawn = WarningCollector()
        let job = ProbeRun(runbooks: [project.path("Runbooks/failover.md")], offline: true, progress: drawn.sink)
        let outcome = try await job.run(directory: try project.directory())
        await outcome.close()
        #expect(drawn.lines.first == "\r\u{1B}[2Kprobing: 0 of 2 probes answered")
        #expect(drawn.lines.contains("\r\u{1B}[2Kprobing: 2 of 2 probes answered"))
        #expect(drawn.lines.last == "\r\u{1B}[2K")
    }
}
