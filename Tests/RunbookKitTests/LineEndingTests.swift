import Foundation
import RunbookKit
import Testing

/// A runbook saved on Windows (CR LF), by a classic Mac editor (lone CR) or with a UTF-8
/// byte order mark reads exactly like the LF file: same front matter, steps, lines and
/// columns. Before, its front matter was lost and lint said clean.
@Suite struct LineEndingTests {
    enum Variant: String, CaseIterable, CustomTestStringConvertible {
        case crlf, cr, bom, bomCRLF

        func apply(_ lf: String) -> String {
            switch self {
            case .crlf: return lf.replacingOccurrences(of: "\n", with: "\r\n")
            case .cr: return lf.replacingOccurrences(of: "\n", with: "\r")
            case .bom: return "\u{FEFF}" + lf
            case .bomCRLF: return "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")
            }
        }

        var testDescription: String { rawValue }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Every bundled runbook, and a YAML runbook and a Markdown one with front matter.
    static func samples() throws -> [(file: String, text: String)] {
        let folder = packageRoot + "/Runbooks"
        let bundled = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            ("Runbooks/" + name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
        return bundled + [
            ("gen.yaml", """
                id: gen
                rotation: sre-primary
                bundle: [prompt, tools]
                briefing: {Meaning: "Why it fires."}
                steps:
                  - title: Roll back
                    restores: [prompt]
                    scopes: [deploy:rollback]
                """),
            ("fm.md", "---\nrotation: sre-primary\nbudget: 15m\n---\n\n# T\n\n## Fix\n\n1. Roll back with `kubectl rollout undo`.\n   <!-- coldread\n   restores: [prompt]\n   -->\n"),
        ]
    }

    @Test(arguments: Variant.allCases)
    func everyVariantReadsLikeLF(variant: Variant) throws {
        let samples = try Self.samples()
        #expect(samples.count >= 4)
        for (file, lf) in samples {
            let expected = try RunbookLoader.parse(lf, file: file)
            let actual = try RunbookLoader.parse(variant.apply(lf), file: file)
            #expect(actual == expected, "\(file) read differently with \(variant.rawValue)")
            #expect(!expected.steps.isEmpty, "\(file)")
        }
    }

    @Test(arguments: Variant.allCases)
    func frontMatterSurvives(variant: Variant) throws {
        let runbook = try RunbookLoader.parse(variant.apply("---\nrotation: sre-primary\nbundle: [a, b]\nbudget: 15m\n---\n# T\n## Fix\nDo it.\n"), file: "x.md")
        #expect(runbook.rotation == "sre-primary")
        #expect(runbook.bundle == ["a", "b"])
        #expect(runbook.budgetSeconds == 900)
        #expect(runbook.rotationLocation?.line == 2)
        #expect(runbook.steps.map(\.location.line) == [8])
    }

    /// Read from disk, the text is the LF text; the hash is still of the file's own bytes.
    @Test(arguments: Variant.allCases)
    func filesOnDiskReadAsLF(variant: Variant) throws {
        let lf = "---\nowner: team\n---\n# T\n\n## Fix\n\nRun `kubectl get pods`.\n"
        let path = NSTemporaryDirectory() + "coldread-eol-\(UUID().uuidString).md"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(variant.apply(lf).utf8).write(to: URL(fileURLWithPath: path))
        let read = try SourceText.read(path)
        #expect(read.text == lf)
        #expect(read.bytes == Array(variant.apply(lf).utf8))
        let runbook = try RunbookLoader.load(path)
        #expect(runbook.owner == "team")
        #expect(runbook.steps.first?.tools.first?.location.line == 8)
    }

    /// `coldread.yaml` (and every YAML file read through `SourceText`) too.
    @Test(arguments: Variant.allCases)
    func theDirectoryReadsLikeLF(variant: Variant) throws {
        let lf = "rotations:\n  sre: {members: [ana]}\ncontext_sections: [notes]\nbogus: 1\n"
        let path = NSTemporaryDirectory() + "coldread-eol-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(variant.apply(lf).utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: LoadErrors.self) { try DirectoryLoader.load(path) }
        #expect(error.errors.map(\.location) == [SourceLocation(file: path, line: 4, column: 1)])
        try Data(variant.apply(lf.replacingOccurrences(of: "bogus: 1\n", with: "")).utf8).write(to: URL(fileURLWithPath: path))
        let directory = try DirectoryLoader.load(path)
        #expect(directory.rotations["sre"]?.members == ["ana"])
        #expect(directory.contextSections == ["notes"])
    }

    @Test func errorsPointAtTheSameLineAndColumn() throws {
        let lf = "---\nrotation: [unclosed\n---\n# T\n"
        for variant in Variant.allCases {
            let expected = try #require(throws: LoadErrors.self) { try RunbookLoader.parse(lf, file: "x.md") }
            let actual = try #require(throws: LoadErrors.self) { try RunbookLoader.parse(variant.apply(lf), file: "x.md") }
            #expect(actual.errors.map(\.location) == expected.errors.map(\.location), "\(variant.rawValue)")
        }
    }

    @Test func textWithoutCROrBOMIsLeftAsItIs() {
        #expect(LineEndings.normalized("a\nb\n") == "a\nb\n")
        #expect(LineEndings.normalized("a\r\n\r\nb\rc\n\r") == "a\n\nb\nc\n\n")
        #expect(LineEndings.normalized("\u{FEFF}x") == "x")
        #expect(LineEndings.normalized("x\u{FEFF}") == "x\u{FEFF}")
    }
}
