import ProbeKit
import RunbookKit
import Testing

/// The file directory answers the three provider questions itself, and is what
/// `--offline` uses.
@Suite struct ProviderFileSourceTests {
    static func directory() throws -> Directory {
        try DirectoryLoader.parse("""
        rotations: {sre-primary: {members: [ana, ben]}}
        members: {ana: {email: ana@corp.example}, ben: {email: ben@corp.example}}
        groups: {sre: [ana, ben], ai-platform: [dmitri]}
        grants: {"grafana:read": [sre], "traces:read": [ai-platform]}
        """, file: "coldread.yaml")
    }

    @Test func answersRotationsGroupsAndScopesWithItsLines() async throws {
        let file = FileAccessSource(directory: try Self.directory())
        let rotation = await file.members(ofRotation: "sre-primary")
        guard case .members(let people) = rotation.outcome else {
            Issue.record("the file lists its rotation")
            return
        }
        #expect(people.map(\.name) == ["ana", "ben"] && people.first?.emails == ["ana@corp.example"])
        #expect(rotation.provenance == Provenance(source: .file, detail: "coldread.yaml:1"))
        #expect(file.covers(group: "sre") && !file.covers(group: "payments"))
        #expect(await file.check(scope: "traces:read", for: .member(name: "ben", email: nil)).answer == .notHeld)
        #expect(await file.check(scope: "grafana:read", for: .member(name: "ben", email: nil)).answer == .held)
        guard case .unknown = await file.check(scope: "grafana:read", for: .currentReader).answer else {
            Issue.record("the file cannot know who is reading")
            return
        }
    }

    @Test func offlineExplainsFromTheFile() throws {
        let access = LiveAccess.offline(directory: try Self.directory())
        let why = access.explain(member: "ben", scope: "traces:read")
        #expect(why.answer == .notHeld)
        #expect(why.because == "'traces:read' is granted to ai-platform (coldread.yaml:4); ben is not in ai-platform (coldread.yaml:3)")
        #expect(!access.isLive)
        #expect(access.groups(of: "ana") == ["sre"])
    }
}
