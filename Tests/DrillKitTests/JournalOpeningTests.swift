import DrillKit
import Foundation
import Testing

/// What a run is, told by its journal's first line: the drill and the schedule pass over
/// runs they do not want (a month of nightly dry-runs) without decoding them.
@Suite struct JournalOpeningTests {
    static func started(_ runId: String, kind: String?) -> String {
        let kindMember = kind.map { #","kind":"\#($0)""# } ?? ""
        return #"{"version":1,"seq":1,"at":"2026-03-10T13:00:00Z","mono_ms":0,"type":"started","run_id":"\#(runId)"\#(kindMember)}"#
    }

    /// A store whose runs have these journals, by run id.
    static func store(_ journals: [String: String], in folder: TemporaryFolder) throws -> RunStore {
        let store = RunStore(root: folder.path)
        for (runId, text) in journals {
            try FileManager.default.createDirectory(atPath: store.folder(of: runId), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: store.journalPath(of: runId)))
        }
        return store
    }

    @Test func theFirstLinesStartedEventSaysWhatTheRunIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let padding = String(repeating: "x", count: 200_000)  // a first line longer than one read
        let store = try Self.store([
            "1-drill": Self.started("1-drill", kind: "drill") + "\n" + #"{"type":"step_done","seq":2}"# + "\n",
            "2-dry": Self.started("2-dry", kind: "dry-run").replacingOccurrences(of: #""version":1"#, with: #""note":"\#(padding)","version":1"#) + "\n",
        ], in: folder)
        #expect(JournalOpening.started(store.journalPath(of: "1-drill"))?.kind == .drill)
        let dry = try #require(JournalOpening.started(store.journalPath(of: "2-dry")))
        #expect(dry.kind == .dryRun)
        #expect(dry.runId == "2-dry")
    }

    @Test func aJournalThatDoesNotOpenWithStartedIsLeftToTheWholeRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Self.store([
            "1-torn": #"{"version":1,"seq":1,"at":"2026-03"#,
            "2-future": #"{"version":2,"seq":1,"type":"hologram"}"# + "\n" + Self.started("2-future", kind: "dry-run") + "\n",
            "3-empty": "",
        ], in: folder)
        for runId in ["1-torn", "2-future", "3-empty", "4-absent"] {
            #expect(JournalOpening.started(store.journalPath(of: runId)) == nil, "\(runId)")
        }
        // Kept for the whole read to judge, whatever is asked.
        #expect(store.runIds { _ in false } == ["1-torn", "2-future", "3-empty"])
    }

    @Test func drillsAreTheRunsOfKindDrillAndTheRunsFromBeforeKinds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Self.store([
            "1-old": Self.started("1-old", kind: nil) + "\n",
            "2-drill": Self.started("2-drill", kind: "drill") + "\n",
            "3-dry": Self.started("3-dry", kind: "dry-run") + "\n",
        ], in: folder)
        #expect(store.drillRunIds() == ["1-old", "2-drill"])
    }
}
