import Foundation
import Testing

/// Relative and site-relative links through the real binary: probe JSON, dry-run JUnit
/// and exit codes; and two runbooks that claim one explicit id.
@Suite("relative links and explicit ids", .serialized)
struct RelativeLinkCLITests {
    static func workspace(config extra: String = "", runbooks: [String: String]) throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", """
            rotations: {sre: {members: [ana]}}
            groups: {sre: [ana]}
            grants: {}
            \(extra)
            """)
        for (path, text) in runbooks { try CLI.write(dir + "/" + path, text) }
        return dir
    }

    static func steps(_ links: String) -> String {
        "---\nrotation: sre\n---\n# Disk full\n\n## Fix\n\n1. Read \(links).\n   <!-- coldread\n   scopes: []\n   -->\n"
    }

    static func results(_ stdout: String) throws -> [[String: Any]] {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(doc["results"] as? [[String: Any]])
    }

    @Test func withoutADocsBaseASiteRelativeLinkIsUncheckedAndNeverClean() async throws {
        let dir = try Self.workspace(runbooks: ["Runbooks/disk.md": Self.steps("[the manual](/manual/disk.html) and [above](#disk-full)")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let probe = try await CLI.run(["probe", "Runbooks/disk.md", "--offline", "--format", "json"], in: dir)
        #expect(probe.status == 0, "\(probe.stdout)\n\(probe.stderr)")
        let links = try Self.results(probe.stdout).filter { $0["kind"] as? String == "link" }
        #expect(links.map { $0["url"] as? String } == ["/manual/disk.html", "#disk-full"])
        #expect(links.map { $0["outcome"] as? String } == ["unchecked", "ok"])
        #expect((links[0]["reason"] as? String)?.contains("set docs_base_url in coldread.yaml") == true)

        let dryRun = try await CLI.run(["dry-run", "--offline", "--junit", "junit.xml"], in: dir)
        #expect(dryRun.stdout.contains("? step 1 link /manual/disk.html: unchecked"), "\(dryRun.stdout)")
        let junit = try String(contentsOfFile: dir + "/junit.xml", encoding: .utf8)
        #expect(junit.contains("<skipped message=\"unchecked: /manual/disk.html\"/>"), "\(junit)")
        #expect(junit.contains("skipped=\"1\""))
        let table = try await CLI.run(["probe", "Runbooks/disk.md", "--offline"], in: dir)
        #expect(table.stdout.contains("?       link     unchecked     /manual/disk.html"), "\(table.stdout)")
    }

    @Test func withADocsBaseASiteRelativeLinkIsProbedOverHTTP() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try Self.workspace(config: "docs_base_url: \(server.url("/site"))",
                                     runbooks: ["Runbooks/disk.md": Self.steps("[the manual](/manual/disk.html) and [the FAQ](/manual/faq.html)")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let probe = try await CLI.run(["probe", "Runbooks/disk.md", "--offline", "--format", "json"], in: dir)
        let links = try Self.results(probe.stdout).filter { $0["kind"] as? String == "link" }
        #expect(links.map { $0["url"] as? String } == ["/manual/disk.html", "/manual/faq.html"])
        #expect(links.map { $0["outcome"] as? String } == ["ok", "ok"])
        #expect(server.requests(to: "/site/manual/disk.html") >= 1)
        #expect(probe.status == 0)
    }

    @Test func aBadDocsBaseIsOneLocatedError() async throws {
        let dir = try Self.workspace(config: "docs_base_url: docs.example.com", runbooks: ["Runbooks/disk.md": Self.steps("x")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["lint"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("coldread.yaml:4:16"), "\(run.stderr)")
        #expect(run.stderr.contains("an absolute http(s) URL"))
    }

    @Test func twoRunbooksWithOneExplicitIdAreADuplicateIdErrorAndTwoScheduleRows() async throws {
        let dir = try Self.workspace(runbooks: [
            "Runbooks/a.md": "---\nid: disk-full\nrotation: sre\n---\n# A\n\n## Fix\n\nSee [A](#a).\n",
            "Runbooks/b.md": "---\nid: disk-full\nrotation: sre\n---\n# B\n\n## Fix\n\nSee [gone](gone.md).\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lint = try await CLI.run(["lint"], in: dir)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("Runbooks/b.md:2:5: error: runbook id 'disk-full' is already the id of Runbooks/a.md (Runbooks/a.md:2:5)"), "\(lint.stdout)")
        #expect(lint.stdout.contains("[duplicate-id]"))
        let schedule = try await CLI.run(["schedule", "--format", "json"], in: dir)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any])
        let ids = (doc["runbooks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.sorted() == ["Runbooks/b", "disk-full"])
        #expect(schedule.stderr.contains("[duplicate-id]"))
        // A dry-run keeps each file's probe results, though the two share an id.
        let dryRun = try await CLI.run(["dry-run", "--offline", "--format", "json"], in: dir)
        let runbooks = (try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any])?["runbooks"] as? [[String: Any]] ?? []
        let outcomes = runbooks.map { rb in
            ((rb["steps"] as? [[String: Any]]) ?? []).flatMap { ($0["results"] as? [[String: Any]]) ?? [] }.compactMap { $0["outcome"] as? String }
        }
        #expect(outcomes == [["ok"], ["not_found"]], "\(dryRun.stdout)")
    }
}
