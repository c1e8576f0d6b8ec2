import Foundation
import RunbookKit
import Testing

/// Relative links are checked in the repository, with no network: the file, and its
/// `#anchor` against the headings by GitHub's slug rules.
@Suite struct RepositoryLinkTests {
    /// A small repository: `Runbooks/disk.md` beside `Runbooks/guide.md`, and `docs/`.
    static func repository() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-links-\(UUID().uuidString)").path
        let files = [
            "Runbooks/guide.md": "---\ntitle: Guide\n---\n# Guide\n\n## Get an asset's ID\n\n## Setup\n\n## Setup\n\n### Custom {#my-anchor}\n",
            "docs/index.md": "# Docs\n",
            "site/page.html.md": "# Page\n\n## Section two\n",
            "scripts/run.sh": "#!/bin/sh\n",
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func check(_ url: String, root: String, line: Int = 7) -> ProbeResult? {
        let link = Link(title: "x", url: url, location: SourceLocation(file: root + "/Runbooks/disk.md", line: line))
        return RepositoryLinkCheck().check(link, step: 2)
    }

    @Test(arguments: [
        ("guide.md", ProbeOutcome.ok),
        ("./guide.md#get-an-assets-id", .ok),
        ("guide.md#setup-1", .ok),
        ("guide.md#setup-2", .notFound),
        ("guide.md#my-anchor", .ok),
        ("guide.md#no-such-heading", .notFound),
        ("../docs/", .ok),
        ("../docs/index.md#docs", .ok),
        ("../site/page.html#section-two", .ok),
        ("../scripts/run.sh#L1", .ok),
        ("missing.md", .notFound),
        ("../docs/missing.md#x", .notFound),
        ("/manual/x.html", .unchecked),
    ])
    func relativeLinkOutcomes(url: String, expected: ProbeOutcome) throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try #require(Self.check(url, root: root))
        #expect(result.outcome == expected, "\(url): \(result)")
        #expect(result.kind == .link && result.step == 2 && result.url == url)
    }

    @Test func aBrokenLinkNamesTheRunbookLineAndTheMissingFile() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let missing = try #require(Self.check("../docs/gone.md", root: root, line: 12))
        #expect(missing.reason?.contains("Runbooks/disk.md:12") == true)
        #expect(missing.reason?.contains("docs/gone.md") == true)
        let anchor = try #require(Self.check("guide.md#nope", root: root, line: 3))
        #expect(anchor.reason?.contains("Runbooks/disk.md:3") == true && anchor.reason?.contains("#nope") == true)
    }

    /// `[Sentry]: [https://sentry.io/…]` keeps the brackets in the address (the GOV.UK
    /// manual has three): the rendered link is broken, and the reason says why.
    @Test func anAddressThatKeptItsBracketsIsBrokenAndSaysWhy() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let markdown = "# T\n\n## Steps\n\n1. Check [Sentry][] first.\n\n[Sentry]: [https://sentry.io/organizations/x/issues/]\n"
        let runbook = try RunbookLoader.parse(markdown, file: root + "/Runbooks/disk.md")
        let link = try #require(runbook.steps.first?.links.first)
        #expect(link.url == "[https://sentry.io/organizations/x/issues/]")
        let result = try #require(RepositoryLinkCheck().check(link, step: 1))
        #expect(result.outcome == .notFound)
        #expect(result.reason?.hasSuffix("keeps its brackets, so the page links to a file of that name (hint: remove the [ ] around the address)") == true, "\(result.reason ?? "")")
    }

    @Test func aSiteRelativeLinkIsUncheckedWithAHintNeverAPass() throws {
        let result = try #require(Self.check("/manual/x.html", root: "/nonexistent"))
        #expect(result.outcome == .unchecked)
        #expect(!result.outcome.blocks && result.outcome.isInconclusive)
        #expect(result.reason?.contains("docs_base_url") == true)
    }

    @Test func anInPageAnchorIsCheckedAgainstTheRunbooksOwnHeadings() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let link = { (url: String) in Link(title: "x", url: url, location: SourceLocation(file: root + "/Runbooks/guide.md", line: 1)) }
        #expect(RepositoryLinkCheck().check(link("#setup"), step: 1)?.outcome == .ok)
        #expect(RepositoryLinkCheck().check(link("#teardown"), step: 1)?.outcome == .notFound)
    }

    @Test func webLinksAndOtherSchemesAreNotRepositoryLinks() {
        #expect(Self.check("https://grafana.example/d/x", root: "/") == nil)
        #expect(Self.check("mailto:sre@example.com", root: "/") == nil)
        #expect(LinkReference("//cdn.example/x") == .web(URLParts("https://cdn.example/x")!))
        #expect(LinkReference("../x.md?plain=1#a%20b") == .repository(path: "../x.md", anchor: "a b"))
        #expect(LinkReference.webAddress("/manual/x.html", docsBase: "https://docs.example/") == "https://docs.example/manual/x.html")
        #expect(LinkReference.webAddress("/manual/x.html", docsBase: nil) == nil)
    }

    @Test func theLoaderKeepsRelativeLinksAsWritten() throws {
        let rb = try RunbookLoader.parse("""
            # Disk

            ## Fix

            1. Read [the guide](guide.md#setup), [the intro](#disk) and [the manual](/manual/disk.html).
            """, file: "Runbooks/disk.md")
        #expect(rb.steps[0].links.map(\.url) == ["guide.md#setup", "#disk", "/manual/disk.html"])
        #expect(rb.steps[0].links.allSatisfy { $0.location.line == 5 })
    }
}
