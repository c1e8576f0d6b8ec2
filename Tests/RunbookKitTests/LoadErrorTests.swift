import Foundation
import RunbookKit
import Testing

/// Bad input never crashes: every error names file:line:column, what was expected and
/// what was found.
@Suite struct LoadErrorTests {
    func errors(_ body: () throws -> Void) -> [LoadError] {
        do {
            try body()
            return []
        } catch let error as LoadErrors {
            return error.errors
        } catch {
            Issue.record("unexpected error type: \(error)")
            return []
        }
    }

    @Test func malformedFrontMatter() {
        let errs = errors { _ = try RunbookLoader.parse("---\ntitle: [unclosed\nowner: x\n---\n# T\n", file: "bad.md") }
        #expect(errs.count == 1)
        #expect(errs[0].location.file == "bad.md")
        #expect(errs[0].location.line >= 2)
        #expect(errs[0].description.hasPrefix("bad.md:"))
        #expect(errs[0].expected == "valid YAML")
    }

    /// A tab in indentation looks like spaces in an editor; the hint says what it is.
    @Test func aTabInIndentationIsNamedInTheHint() {
        let errs = errors { _ = try RunbookLoader.parse("---\ntitle: x\n\towner: ben\n---\n# T\n", file: "tab.md") }
        #expect(errs.count == 1)
        #expect(errs.first?.location.line == 3)
        #expect(errs.first?.hint == "indent with spaces: YAML does not allow a tab in indentation")
        let other = errors { _ = try RunbookLoader.parse("---\ntitle: [unclosed\nowner: x\n---\n# T\n", file: "bad.md") }
        #expect(other.first?.hint?.hasPrefix("check indentation") == true)
    }

    @Test func unclosedFrontMatter() {
        let errs = errors { _ = try RunbookLoader.parse("---\ntitle: x\n# T\n", file: "bad.md") }
        #expect(errs.map(\.description) == ["bad.md:1:1: error: expected a closing '---' for the front matter, found end of file (hint: front matter is YAML between two lines of ---)"])
    }

    @Test func badAnnotationYAML() {
        let errs = errors {
            _ = try RunbookLoader.parse("# T\n## S\n1. Do.\n   <!-- coldread\n   scopes: [a, b\n   -->\n", file: "a.md")
        }
        #expect(errs.count == 1)
        #expect(errs.first?.location.line ?? 0 >= 5)
        #expect(errs.first?.expected == "valid YAML")
    }

    @Test func unknownAnnotationKeyNamesTheKeyAndWhereItIs() {
        let errs = errors { _ = try RunbookLoader.parse("# T\n## S\n1. Do.\n   <!-- coldread\n   scope: [a]\n   -->\n", file: "a.md") }
        #expect(errs.map { String($0.description.prefix(11)) } == ["a.md:5:4: e"])
        #expect(errs.first?.found == "'scope'")
    }

    @Test func wrongTypeForAKnownKey() {
        let errs = errors { _ = try RunbookLoader.parse("---\nbudget: [1, 2]\nbundle: {a: 1}\n---\n# T\n", file: "t.md") }
        #expect(errs.count == 2)
        #expect(errs[0].description == "t.md:2:9: error: expected a duration such as 30m, 1h or 90s, found a list")
        #expect(errs[1].location.line == 3)
        #expect(errs[1].found == "a mapping")
    }

    @Test func scenarioNamingAMissingRunbook() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.yaml").path
        try "id: s\nrunbook: ../Runbooks/nope.md\n".write(toFile: path, atomically: true, encoding: .utf8)
        let errs = errors { _ = try ScenarioLoader.load(path) }
        #expect(errs.count == 1)
        #expect(errs[0].location == SourceLocation(file: path, line: 2, column: 10))
        #expect(errs[0].found.contains("nope.md"))
        #expect(errs[0].hint != nil)
    }

    @Test func nonUTF8FileIsLocated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).md").path
        let bytes: [UInt8] = Array("# Caf".utf8) + [0xE9] + Array("\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let errs = errors { _ = try RunbookLoader.load(path) }
        #expect(errs.map(\.description) == ["\(path):1:6: error: expected UTF-8 text, found the byte 0xE9 (hint: re-save the file as UTF-8 (iconv -f latin1 -t utf-8))"])
    }

    @Test func everyErrorInAFileIsReportedAtOnce() {
        let errs = errors {
            _ = try RunbookLoader.parse("# T\n## S\n1. A <!-- coldread nope: 1 -->\n2. B <!-- coldread scopes: {x: 1} -->\n", file: "m.md")
        }
        #expect(errs.map(\.location.line) == [3, 4])
    }

    @Test func directoryWithAnUnknownKey() {
        let errs = errors { _ = try DirectoryLoader.parse("rotations: {a: {members: [x]}}\ngrnats: {}\n", file: "coldread.yaml") }
        #expect(errs.map(\.location) == [SourceLocation(file: "coldread.yaml", line: 2, column: 1)])
        #expect(errs.first?.found == "'grnats'")
    }
}
