import Foundation
import Testing

/// A folder given to a command yields its Markdown runbooks and the YAML files that have
/// `steps:`; the other YAML (manifests, workflows) is counted once on stderr, by every
/// command that walks folders. A file named explicitly is always loaded.
@Suite struct FolderWalkTests {
    /// A project whose docs/ folder holds two runbooks, two YAML files that are not, and a
    /// hidden .github folder that is not entered.
    static func project() throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\n")
        try CLI.write(dir + "/docs/disk-full.md", "# Disk full\n## Fix\nDelete old logs.\n")
        try CLI.write(dir + "/docs/generated.yaml", "title: Generated\nsteps:\n  - Look at the graphs\n")
        try CLI.write(dir + "/docs/k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n")
        try CLI.write(dir + "/docs/k8s/job.yml", "kind: Job\nspec:\n  template:\n    steps: []\n")
        try CLI.write(dir + "/docs/.github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - run: make\n")
        return dir
    }

    static let note = "coldread: skipped 2 YAML files without steps: under docs/"

    @Test(arguments: [["lint", "docs"], ["probe", "docs", "--format", "json"], ["dry-run", "docs"], ["show", "docs"]])
    func everyCommandSkipsYAMLWithoutStepsAndSaysSoOnce(arguments: [String]) async throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(arguments, in: dir)
        let notes = run.stderr.split(separator: "\n").filter { $0.contains("skipped") }
        #expect(notes.count == 1, "\(run.stderr)")
        #expect(notes.first?.hasPrefix(Self.note) == true, "\(run.stderr)")
        #expect(!run.stdout.contains("deployment.yaml") && !run.stderr.contains("deployment.yaml"))
        #expect(run.status != 2, "\(run.stderr)")
    }

    @Test func theRunbooksOfTheFolderAreRead() async throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["show", "--format", "json", "docs"], in: dir)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let paths = (doc["runbooks"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["docs/disk-full.md", "docs/generated.yaml"])
    }

    @Test func aYAMLFileNamedExplicitlyIsLoadedAndFails() async throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lint = try await CLI.run(["lint", "docs/k8s/deployment.yaml"], in: dir)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("docs/k8s/deployment.yaml:1:1: error: expected a runbook with a top-level 'steps:' list, found none"))
        #expect(!lint.stderr.contains("skipped"))
        let show = try await CLI.run(["show", "docs/k8s/deployment.yaml"], in: dir)
        #expect(show.status == 2)
        #expect(show.stderr.hasPrefix("docs/k8s/deployment.yaml:1:1: error: expected a runbook with a top-level 'steps:' list"))
        #expect(show.stderr.split(separator: "\n").count == 1)
    }
}
