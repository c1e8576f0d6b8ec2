import Foundation
import Testing

/// A runbook saved with CR LF, lone CR or a byte order mark lints exactly like the LF
/// file: its front matter (`bundle`) is read, so the `partial-rollback` error is found,
/// at the same line and column. Before, the front matter was lost and lint said clean.
@Suite struct LineEndingLintTests {
    static let runbook = """
        ---
        rotation: sre
        bundle: [prompt, tools, policy]
        ---
        # Agent rollback

        ## Steps

        1. Roll back the prompt with `promptctl rollback`.
           <!-- coldread
           scopes: [deploy:rollback]
           restores: [prompt]
           -->

        """

    static let variants: [(name: String, text: String)] = [
        ("lf", runbook),
        ("crlf", runbook.replacingOccurrences(of: "\n", with: "\r\n")),
        ("cr", runbook.replacingOccurrences(of: "\n", with: "\r")),
        ("bom", "\u{FEFF}" + runbook),
    ]

    func lint(_ text: String) async throws -> CLI.Result {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngrants: {\"deploy:rollback\": [ana]}\ntools: [promptctl]\n")
        try FileManager.default.createDirectory(atPath: dir + "/Runbooks", withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/Runbooks/agent.md"))
        return try await CLI.run(["lint", "Runbooks/agent.md"], in: dir)
    }

    @Test func everyVariantFindsTheSamePartialRollback() async throws {
        let expected = try await lint(Self.runbook)
        #expect(expected.status == 1)
        #expect(expected.stdout.contains("Runbooks/agent.md:12:") && expected.stdout.contains("[partial-rollback]"))
        for variant in Self.variants.dropFirst() {
            let run = try await lint(variant.text)
            #expect(run.status == expected.status, "\(variant.name)")
            #expect(run.stdout == expected.stdout, "\(variant.name)")
        }
    }
}
