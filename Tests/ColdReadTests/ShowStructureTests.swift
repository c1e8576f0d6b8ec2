import Foundation
import Testing

/// Each reading defect of issue #13 as a small runbook (Fixtures/structure), read through
/// `coldread show --format json` as an author would check it: the steps a reader of the
/// rendered page sees, nothing more and nothing less.
@Suite struct ShowStructureTests {
    static let folder = "Tests/ColdReadTests/Fixtures/structure"

    /// The one runbook `coldread show --format json` prints for a fixture.
    static func show(_ name: String) async throws -> [String: Any] {
        let run = try await CLI.run(["show", "--format", "json", folder + "/" + name])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let runbooks = try #require(doc["runbooks"] as? [[String: Any]])
        return try #require(runbooks.first)
    }

    static func steps(_ runbook: [String: Any]) -> [[String: Any]] { runbook["steps"] as? [[String: Any]] ?? [] }
    static func titles(_ runbook: [String: Any]) -> [String] { steps(runbook).compactMap { $0["title"] as? String } }
    static func headings(_ runbook: [String: Any], _ key: String) -> [String] {
        (runbook[key] as? [[String: Any]] ?? []).compactMap { $0["heading"] as? String }
    }

    @Test func aLoneH1WithAParagraphIsOneStep() async throws {
        let runbook = try await Self.show("lone-h1-paragraph.md")
        #expect(Self.titles(runbook) == ["Flush the search cache"])
        let step = try #require(Self.steps(runbook).first)
        #expect(step["line"] as? Int == 3)
        #expect((step["links"] as? [[String: Any]])?.compactMap { $0["url"] as? String } == ["https://grafana.example/d/sync"])
    }

    @Test func aLoneH1WithAListHasAStepPerItem() async throws {
        let runbook = try await Self.show("lone-h1-list.md")
        #expect(Self.titles(runbook) == [
            "Generate a new key in the console.", "Store it with vault kv put secret/api key=....", "Revoke the old key.",
        ])
        #expect((Self.steps(runbook)[0]["body"] as? String)?.hasPrefix("Do this in one sitting.") == true)
    }

    @Test func aPageWithNoHeadingIsOneStepTitledByItsFrontMatter() async throws {
        let runbook = try await Self.show("front-matter-title-only.md")
        #expect(Self.titles(runbook) == ["Raise a support ticket with the cloud provider"])
        #expect(Self.steps(runbook).first?["line"] as? Int == 6)
    }

    @Test func aTableOfContentsIsNotStepsAndSwallowsNothing() async throws {
        let runbook = try await Self.show("table-of-contents.md")
        #expect(Self.titles(runbook) == ["Check the replica", "Promote the replica with pg_ctl promote.", "Point the app at it."])
        #expect(Self.headings(runbook, "briefing") == ["Database failover"])
        let check = Self.steps(runbook)[0]
        #expect((check["body"] as? String)?.contains("Replication lag must be under a second") == true)
        #expect((check["links"] as? [[String: Any]])?.compactMap { $0["url"] as? String }.last == "https://grafana.example/d/replica")
    }

    @Test func h3sBeatListsOfFieldDefinitions() async throws {
        let runbook = try await Self.show("h3-beats-lists.md")
        #expect(Self.titles(runbook) == ["Step 1: Check the operator condition", "Step 2: Unblock the upgrade"])
        let first = Self.steps(runbook)[0]
        #expect((first["body"] as? String)?.contains("type: Upgradeable") == true)
        #expect((first["tools"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [12])
        #expect(Self.steps(runbook)[1]["section"] as? String == "Procedure")
    }

    @Test func taskListMarkersAreNotPartOfTitles() async throws {
        let runbook = try await Self.show("task-list.md")
        #expect(Self.titles(runbook) == ["Freeze deploys in the pipeline.", "Tell the release channel.", "Note the freeze in the incident doc."])
    }

    @Test func helpSectionsAreContactsNotSteps() async throws {
        let runbook = try await Self.show("contacts.md")
        #expect(Self.titles(runbook) == ["Fail over to the replica with pg_ctl promote."])
        #expect(Self.headings(runbook, "contacts") == ["Escalation", "Getting help"])
        #expect(Self.headings(runbook, "briefing") == ["Meaning"])
    }
}
