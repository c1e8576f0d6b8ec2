import Foundation
import RunbookKit
import Testing

/// A runbook's id is its path relative to the workspace root unless front matter names
/// one; ids from older journals (the file stem) still find their runbook when only one
/// runbook has that stem.
@Suite struct RunbookIdentityTests {
    static func workspace(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-id-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func sameNamedFilesInTwoFoldersGetTwoIds() throws {
        let root = try Self.workspace([
            "coldread.yaml": "rotations: {}\n",
            "Runbooks/a/README.md": "# A\n\n## Fix\nx\n",
            "Runbooks/b/README.md": "# B\n\n## Fix\nx\n",
            "ops/disk.yaml": "title: Disk\nsteps: [Check the disk]\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = LoaderOptions(directory: try DirectoryLoader.load(root + "/coldread.yaml"))
        let a = try RunbookLoader.load(root + "/Runbooks/a/README.md", options: options)
        let b = try RunbookLoader.load(root + "/Runbooks/b/README.md", options: options)
        let yaml = try RunbookLoader.load(root + "/ops/disk.yaml", options: options)
        #expect(a.id == "Runbooks/a/README")
        #expect(b.id == "Runbooks/b/README")
        #expect(yaml.id == "ops/disk")
        #expect(a.title == "A" && a.idLocation == nil)
    }

    @Test func frontMatterIdOverridesThePathAndRecordsWhere() throws {
        let rb = try RunbookLoader.parse("---\nid: disk-full\n---\n# Disk full\n\n## Fix\nx\n", file: "Runbooks/ops/README.md")
        #expect(rb.id == "disk-full")
        #expect(rb.idLocation?.line == 2)
    }

    @Test func aFileOutsideTheWorkspaceClimbsWithDotDot() {
        #expect(RunbookIdentity.defaultId(forFile: "/srv/shared/x.md", workspaceRoot: "/srv/team") == "../shared/x")
        #expect(RunbookIdentity.defaultId(forFile: "/srv/team/source/manual/x.html.md", workspaceRoot: "/srv/team") == "source/manual/x.html")
    }

    @Test func oldStemIdsMatchOnlyWhenUnambiguous() {
        let known = KnownRunbooks([
            (id: "Runbooks/disk-full", path: "/w/Runbooks/disk-full.md"),
            (id: "Runbooks/a/README", path: "/w/Runbooks/a/README.md"),
            (id: "Runbooks/b/README", path: "/w/Runbooks/b/README.md"),
            (id: "agent-wrong-answers", path: "/w/Runbooks/agent-wrong-answers.md"),
        ])
        #expect(known.match("disk-full") == "Runbooks/disk-full")
        #expect(known.match("agent-wrong-answers") == "agent-wrong-answers")
        #expect(known.match("README") == nil)
        #expect(known.match("README", path: "/w/Runbooks/b/README.md") == "Runbooks/b/README")
        #expect(known.canonical("retired-runbook") == "retired-runbook")
    }
}
