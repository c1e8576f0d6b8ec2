@testable import RunbookKit
import Testing

/// Annotation markers, shell line shapes and grant patterns are compared as UTF-8 (the
/// `Character` comparisons cost a twelfth of `lint`); text around the ASCII markers is
/// often not ASCII, and must read as before.
@Suite struct ASCIIMarkerTests {
    @Test func annotationsAroundNonASCIITextAreRead() throws {
        let runbook = try RunbookLoader.parse("""
            # Zürich
            ## Steps
            1. Prüfen Sie die Übersicht. <!-- coldread scopes: [zürich:read] -->
            2. 東京のダッシュボードを開く。
               <!--   coldread
               scopes: [tōkyō:read, "k8s:pätch"]
               -->
            3. Not ours: <!-- coldreader scopes: [x:y] -->
            """, file: "rb.md")
        #expect(runbook.steps.map { $0.scopes.map(\.name) } == [["zürich:read"], ["tōkyō:read", "k8s:pätch"], []])
    }

    @Test(arguments: [
        ("server_ü {", ShellLineShape.code),
        ("resource \"ü\" {", .code),
        ("grüß-dich {", .code),
        ("f() {", .command),
        ("kubectl get pods -n ü", .command),
    ] as [(String, ShellLineShape)])
    func shellLinesOfNonASCIIWordsKeepTheirShape(_ line: String, _ expected: ShellLineShape) {
        #expect(ShellLineShape.of(Substring(line)) == expected)
    }

    @Test func programNamesWithADoubleColonAreNotCommands() {
        #expect(!ShellLineShape.opensCommand("ünïx::run"))
        #expect(!ShellLineShape.opensCommand("perl::Module"))
        #expect(ShellLineShape.opensCommand("ünïx"))
    }

    @Test func wildcardGrantsCoverScopesByTheirPrefix() {
        let grant = Grant(pattern: "k8s:*", holders: [], location: SourceLocation(file: "coldread.yaml", line: 1))
        #expect(grant.covers("k8s:pätch:deployment"))
        #expect(grant.covers("k8s:"))
        #expect(!grant.covers("k8ß:get"))
        #expect(!grant.covers("k8s"))
        #expect(Grant(pattern: "zürich:*", holders: [], location: grant.location).covers("zürich:read"))
    }
}
