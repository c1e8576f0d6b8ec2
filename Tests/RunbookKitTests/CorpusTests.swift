import CCmark
import Foundation
import RunbookKit
import Testing

/// The prometheus-operator runbooks are real runbooks written by strangers: every one
/// must load, and the step and tool counts of three of them were checked by hand.
@Suite(.enabled(if: Corpus.present, "shared corpus not found at ../shared/corpus (bare clone?): corpus tests skipped"))
struct CorpusTests {
    @Test func everyCorpusRunbookLoads() throws {
        let files = Corpus.files()
        #expect(files.count > 50)
        for file in files {
            do {
                _ = try RunbookLoader.load(file)
            } catch {
                Issue.record("\(file) failed to load: \(error)")
            }
        }
    }

    /// Counted by hand from the files. KubePodCrashLooping: Diagnosis has two top-level
    /// lists (4 + 8 items), Mitigation is one step; kubectl appears in three items.
    /// NodeFilesystemSpaceFillingUp: Diagnosis is one step; Mitigation's top-level list has
    /// three items, and the shell blocks before it belong to the first (kubectl, chroot).
    /// etcdGRPCRequestsSlow: Diagnosis has two H3s (Slow disk, Resource exhaustion; the
    /// numbered list under the second is its body, as H3s win over lists); Mitigation
    /// has one H3 whose console block runs etcdctl.
    @Test(arguments: [
        ("kubernetes/KubePodCrashLooping.md", 13, ["kubectl"], 3, 1),
        ("node/NodeFilesystemSpaceFillingUp.md", 4, ["chroot", "kubectl"], 1, 3),
        ("etcd/etcdGRPCRequestsSlow.md", 3, ["etcdctl"], 1, 2),
    ])
    func handCheckedCounts(file: String, steps: Int, tools: [String], stepsWithTools: Int, links: Int) throws {
        let runbook = try RunbookLoader.load(Corpus.root + "/" + file)
        #expect(runbook.steps.count == steps)
        #expect(Set(runbook.steps.flatMap { $0.tools.map(\.name) }).sorted() == tools)
        #expect(runbook.steps.filter { !$0.tools.isEmpty }.count == stepsWithTools)
        #expect(runbook.steps.flatMap(\.links).count == links)
        #expect(runbook.briefing.map(\.heading).prefix(2) == ["Meaning", "Impact"])
    }

    @Test func stepsKeepTheirSourceLines() throws {
        let runbook = try RunbookLoader.load(Corpus.root + "/kubernetes/KubePodCrashLooping.md")
        #expect(runbook.steps[0].location.line == 21)
        #expect(runbook.steps[0].title.hasPrefix("Check template via"))
        #expect(runbook.steps.last?.section == "Mitigation")
    }

    /// Every link cmark-gfm reports in a file is in the model, in the briefing or a step,
    /// and so is every Hugo `ref` link, which Hugo renders as a link but CommonMark leaves
    /// as text (issue #13 adds these to what is counted).
    @Test func linkCountsMatchCmark() throws {
        for file in Corpus.files() {
            let runbook = try RunbookLoader.load(file)
            let modelled = runbook.steps.flatMap(\.links).count + runbook.briefing.flatMap(\.links).count
            #expect(modelled == Corpus.cmarkLinkCount(file) + Corpus.hugoRefCount(file), "\(file)")
        }
    }
}

enum Corpus {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().path + "/shared/corpus/prometheus-operator-runbooks/content/runbooks"
    }()

    static var present: Bool { FileManager.default.fileExists(atPath: root) }

    static func files() -> [String] {
        (try? RunbookLoader.expand([root])) ?? []
    }

    /// Counts `]({{< ref "…" >}})` in the raw text: the Hugo links of these runbooks.
    static func hugoRefCount(_ file: String) -> Int {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "]({{< ref \"").count - 1
    }

    /// Counts link nodes with cmark-gfm directly (front matter removed), independent of our loader.
    static func cmarkLinkCount(_ file: String) -> Int {
        var text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
            text = String(text[end.upperBound...])
        }
        // cmark-gfm parses in one process take turns (CmarkParsing): the loader may be
        // parsing in another test at this moment.
        return CmarkParsing.exclusively {
            cmark_gfm_core_extensions_ensure_registered()
            let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("autolink"))
            cmark_parser_feed(parser, text, text.utf8.count)
            let doc = cmark_parser_finish(parser)!
            defer { cmark_node_free(doc); cmark_parser_free(parser) }
            let iter = cmark_iter_new(doc)
            defer { cmark_iter_free(iter) }
            var count = 0
            while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, cmark_node_get_type(cmark_iter_get_node(iter)) == CMARK_NODE_LINK { count += 1 }
            }
            return count
        }
    }
}
