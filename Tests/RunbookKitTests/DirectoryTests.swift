import Foundation
import RunbookKit
import Testing

@Suite struct DirectoryTests {
    let directory = try! DirectoryLoader.parse("""
        rotations: {sre: {members: [ana, ben]}}
        groups: {sre: [ana, ben], ai: [dmitri]}
        grants: {"traces:read": [ai], "k8s:*": [sre], "logs:read": [sre, dmitri]}
        federation: {central: [grafana.corp.example, "*.logs.corp.example"]}
        """, file: "coldread.yaml")

    @Test func aRotationHoldsAScopeOnlyWhenEveryMemberDoes() {
        #expect(directory.rotationHolds("sre", "k8s:patch:deployment"))
        #expect(!directory.rotationHolds("sre", "traces:read"))
        #expect(directory.membersLacking("traces:read", among: ["ana", "ben", "dmitri"]) == ["ana", "ben"])
        #expect(directory.holds("dmitri", "logs:read"))
    }

    @Test func federationMatchesHostsAndWildcards() {
        #expect(directory.isCentral(host: "grafana.corp.example"))
        #expect(directory.isCentral(host: "eu.logs.corp.example"))
        #expect(!directory.isCentral(host: "traces.ai.corp.example"))
    }

    @Test func discoveryWalksUpLikeGit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disc-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(DirectoryLoader.discover(from: deep.path) == nil || !DirectoryLoader.discover(from: deep.path)!.hasPrefix(root.path))
        try "groups: {}\n".write(to: root.appendingPathComponent("coldread.yaml"), atomically: true, encoding: .utf8)
        #expect(DirectoryLoader.discover(from: deep.path) == root.appendingPathComponent("coldread.yaml").standardizedFileURL.path)
    }

    @Test func sha256MatchesTheStandardVector() {
        #expect(sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func argvIsSplitWithoutAShell() {
        #expect(ArgvSplitter.split(#"kubectl get "pods x" 'a b' c\ d $(rm -rf /)"#) == ["kubectl", "get", "pods x", "a b", "c d", "$(rm", "-rf", "/)"])
    }
}
