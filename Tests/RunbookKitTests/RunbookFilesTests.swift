import Foundation
import RunbookKit
import Testing

/// Which files a folder yields: Markdown, and YAML with a top-level `steps:` key.
@Suite struct RunbookFilesTests {
    @Test func yamlWithoutTopLevelStepsIsCountedNotListed() throws {
        let dir = NSTemporaryDirectory() + "coldread-walk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = [
            "a.md": "# A\n",
            "b.yaml": "steps: [x]\n",
            "c.yml": "\u{FEFF}title: C\r\n\"steps\" :\r\n  - x\r\n",
            "nested/d.yaml": "kind: Pod\nspec:\n  steps: []\n",
            "nested/e.yaml": "# steps: commented\nkind: Pod\n",
            "nested/f.markdown": "# F\n",
            "notes.txt": "steps: [x]\n",
        ]
        try Self.write(files, under: dir)
        let found = try RunbookLoader.find([dir, dir + "/nested/d.yaml"])
        #expect(found.files == [dir + "/a.md", dir + "/b.yaml", dir + "/c.yml", dir + "/nested/f.markdown", dir + "/nested/d.yaml"])
        #expect(found.skipped.map(\.folder) == [dir] && found.skipped.map(\.yamlWithoutSteps) == [2])
        #expect(found.skippedNote?.hasPrefix("coldread: skipped 2 YAML files without steps: under \(dir)/ (hint: ") == true)
        #expect(try RunbookLoader.expand([dir]) == Array(found.files.prefix(4)))
    }

    /// A missing path and a symbolic link that leads nowhere are both errors at line 1,
    /// each saying which it is, so the user fixes the right thing.
    @Test func aDanglingSymbolicLinkIsNamedAsOneNotAsAMissingPath() throws {
        let dir = NSTemporaryDirectory() + "coldread-walk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop-a.md", withDestinationPath: dir + "/loop-b.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop-b.md", withDestinationPath: dir + "/loop-a.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/gone.md", withDestinationPath: dir + "/nowhere.md")
        let thrown = #expect(throws: LoadErrors.self) { try RunbookLoader.find([dir + "/loop-a.md", dir + "/gone.md", dir + "/absent.md"]) }
        let found = thrown?.errors.map(\.message) ?? []
        #expect(found.count == 3)
        #expect(found.prefix(2).allSatisfy { $0.contains("found a symbolic link whose target is missing or loops") }, "\(found)")
        #expect(found.last?.contains("found no such path") == true, "\(found)")
        #expect(thrown?.errors.map(\.location.line) == [1, 1, 1])
    }

    /// `coldread lint .` at a project root: the project's own coldread.yaml is not a
    /// runbook (and not counted as skipped YAML), and hidden folders are not entered.
    @Test func aProjectRootYieldsItsRunbooksWithoutConfigurationOrToolingFolders() throws {
        let dir = NSTemporaryDirectory() + "coldread-walk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = [
            "coldread.yaml": "rotations: {sre: {members: [a]}}\n",
            "Runbooks/failover.md": "# Failover\n",
            ".github/workflows/ci.yml": "on: push\njobs: {}\n",
            ".github/PULL_REQUEST_TEMPLATE.md": "# Checklist\n",
            ".venv/lib/site-packages/pkg/README.md": "# pkg\n",
            ".notes.md": "# private\n",
        ]
        try Self.write(files, under: dir)
        let found = try RunbookLoader.find([dir])
        #expect(found.files == [dir + "/Runbooks/failover.md"])
        #expect(found.skippedNote == nil)
    }

    /// A static site's section index (front matter for the site and nothing under it) is
    /// a page, not a runbook: passed over and counted, so `lint content/` does not fail on
    /// it. An empty file, a page with a body, front matter that declares a runbook's owner
    /// or rotation, or front matter that never closes is loaded (and linted).
    @Test func pagesWithNothingUnderTheirFrontMatterAreCountedNotListed() throws {
        let dir = NSTemporaryDirectory() + "coldread-walk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write([
            "_index.md": "---\ntitle: etcd\nweight: 10\n---\n",
            "alerts/_index.md": "\u{FEFF}---\r\nbookHidden: true\r\n---\r\n\r\n",
            "empty.md": "",
            "draft.md": "---\ntitle: Disk full\nowner: storage\n---\n",
            "alerts/EtcdDown.md": "---\ntitle: EtcdDown\n---\n# EtcdDown\n",
            "broken.md": "---\ntitle: never closed\n",
            "big.md": "---\ntitle: padded\n---\n" + String(repeating: " ", count: 5000),
        ], under: dir)
        let found = try RunbookLoader.find([dir])
        #expect(found.files == [dir + "/alerts/EtcdDown.md", dir + "/big.md", dir + "/broken.md", dir + "/draft.md", dir + "/empty.md"])
        #expect(found.skipped.map(\.emptyPages) == [2])
        #expect(found.skippedNote == "coldread: skipped 2 Markdown pages with nothing under the front matter: under \(dir)/"
            + " (hint: a section index is not a runbook; name a file to load it anyway)")
    }

    /// Writes each relative path's text under `dir`, creating folders as needed.
    static func write(_ files: [String: String], under dir: String) throws {
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func nothingSkippedSaysNothing() {
        #expect(RunbookFiles(files: ["a.md"]).skippedNote == nil)
    }
}
