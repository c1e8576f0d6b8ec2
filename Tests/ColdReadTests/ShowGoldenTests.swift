import Foundation
import Testing

/// `coldread show` over a handful of real, stranger-written runbooks from the shared
/// corpus, as text and JSON, against golden files (Fixtures/show-golden). Reading
/// changes show up here as a diff a reviewer can judge. After a change to reading,
/// rewrite them with one line:
///
///     UPDATE_GOLDEN=1 swift test --filter ShowGoldenTests
@Suite(.enabled(if: SharedCorpus.present, "shared corpus not found at ../shared/corpus: show goldens skipped"))
struct ShowGoldenTests {

    /// An alert runbook with H3s and lists, one with two lists in a section, a page with no
    /// heading and a numbered list, a table of contents before H3s, and help sections.
    static let files = [
        "prometheus-operator-runbooks/content/runbooks/etcd/etcdGRPCRequestsSlow.md",
        "prometheus-operator-runbooks/content/runbooks/kubernetes/KubePodCrashLooping.md",
        "govuk-developer-docs-manual/source/manual/clear-the-redis-cache.html.md",
        "govuk-developer-docs-manual/source/manual/rules-for-getting-production-access.html.md",
        "govuk-developer-docs-manual/source/manual/ask-for-help.html.md",
    ]

    @Test(arguments: ["text", "json"])
    func showsTheCorpusSampleAsGolden(format: String) async throws {
        let run = try await CLI.run(["show", "--format", format] + Self.files.map { SharedCorpus.path + "/" + $0 })
        #expect(run.status == 0, "\(run.stderr)")
        try Golden.expect(run.stdout, "show-golden/corpus-sample.\(format == "json" ? "json" : "txt")")
    }
}

/// The shared corpus of stranger-written runbooks, beside the package (as CorpusTests
/// finds it), named relative to the package root, where the tests run the binary.
enum SharedCorpus {
    static let path = "../shared/corpus"
    static var present: Bool { FileManager.default.fileExists(atPath: CLI.packageRoot + "/" + path) }
}

/// Golden files beside the tests, read through #filePath so an `UPDATE_GOLDEN=1` run
/// rewrites them in the source tree (ReviewFrames/, Fixtures/show-golden/).
enum Golden {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

    static func expect(_ actual: String, _ relative: String, under folder: String = here + "/Fixtures",
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let file = URL(fileURLWithPath: folder + "/" + relative)
        guard ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != "1" else {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            return try Data(actual.utf8).write(to: file)
        }
        let expected = try #require(try? String(contentsOf: file, encoding: .utf8),
                                    "missing golden \(relative); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        #expect(actual == expected, "differs from \(relative); run with UPDATE_GOLDEN=1 to accept", sourceLocation: sourceLocation)
    }
}
