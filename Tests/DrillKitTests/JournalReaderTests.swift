import DrillKit
import Foundation
import RunbookKit
import Testing

/// The journal reader as every command uses it: forward-compatible with newer versions,
/// strict about damage, and the one place a run's verdict is checked against its steps.
@Suite struct JournalReaderTests {
    static let started = #"{"version":1,"seq":1,"at":"2026-03-10T13:00:00Z","mono_ms":0,"type":"started","run_id":"r","kind":"drill"}"#

    static func line(_ seq: Int, _ type: String, _ extra: String = "") -> String {
        #"{"version":1,"seq":\#(seq),"at":"2026-03-10T13:00:00Z","mono_ms":\#(seq),"type":"\#(type)"\#(extra)}"#
    }

    func read(_ lines: [String]) throws(JournalReader.ReadError) -> JournalReader.Contents {
        try JournalReader.decode(Data(lines.joined(separator: "\n").utf8), path: "j.jsonl")
    }

    @Test func unknownTypesAreKeptWithTheirSeqAndSkippedByTheFold() throws {
        let contents = try read([Self.started, Self.line(2, "hologram", #","step":1"#), Self.line(3, "step_done", #","step":1"#)])
        #expect(contents.events.map(\.type) == [.started, .unrecognized, .stepDone])
        #expect(contents.events[1].unrecognizedWord == "hologram")
        let progress = DrillProgress.replay(contents.events, stepCount: 1)
        #expect(progress.lastSeq == 3)
        #expect(progress.steps[0].outcome == .done)
        #expect(contents.warnings == ["j.jsonl:2:1: warning: skipped 1 event(s) of unknown type `hologram` (hint: a newer coldread wrote this journal; they are kept in the file)"])
    }

    @Test func anUnknownBlockedReasonStillBlocksTheStep() throws {
        let contents = try read([Self.started, Self.line(2, "step_blocked", #","step":1,"reason":"solar_flare""#)])
        #expect(contents.events[1].reason == .other)
        #expect(contents.events[1].unrecognizedWord == "solar_flare")
        #expect(!RunVerdict(events: contents.events).clean)
        #expect(contents.warnings.count == 1)
    }

    @Test func theVerdictFollowsUndoNotTheFinishedFlag() throws {
        let undone = try read([Self.started, Self.line(2, "step_blocked", #","step":1,"reason":"unclear""#),
                               Self.line(3, "undone", #","undoes":2"#), Self.line(4, "step_done", #","step":1"#),
                               Self.line(5, "finished", #","clean":true"#)])
        #expect(RunVerdict(events: undone.events).clean)
        #expect(undone.warnings.isEmpty)
        let lying = try read([Self.started, Self.line(2, "step_blocked", #","step":1,"reason":"unclear""#), Self.line(3, "finished", #","clean":true"#)])
        #expect(!RunVerdict(events: lying.events).clean)
        #expect(lying.warnings.count == 1 && lying.warnings[0].hasPrefix("j.jsonl:3:1: warning: the `finished` event says clean: true"))
    }

    @Test(arguments: [
        ([JournalReaderTests.line(1, "step_done", #","step":1"#)], "j.jsonl:1:1: error: expected a `started` event first, found `step_done`"),
        ([JournalReaderTests.started, "[1,2]", JournalReaderTests.line(3, "finished")], "j.jsonl:2:1: error: expected a journal event"),
        ([JournalReaderTests.started, JournalReaderTests.line(2, "step_done", #","step":-4"#), JournalReaderTests.line(3, "finished")], "j.jsonl:2:1: error: expected a journal event"),
        ([String](), "j.jsonl:1:1: error: expected a `started` event first, found an empty journal"),
    ])
    func damageIsOneErrorNamingTheLine(_ lines: [String], _ expected: String) {
        #expect(throws: JournalReader.ReadError.self) { try read(lines) }
        do { _ = try read(lines) } catch { #expect(error.description.hasPrefix(expected), "\(error.description)") }
    }

    /// A journal whose one line is torn (or not JSON at all) is not "empty": the error
    /// shows what the line held.
    @Test func aJournalOfOneTornLineSaysSo() {
        do {
            _ = try read(["{\"version\":1,\"seq\":1,\"type\":\"star"])
            Issue.record("a torn journal was read")
        } catch {
            #expect(error.description.hasPrefix("j.jsonl:1:1: error: expected a `started` event first, found no whole event, only a torn line '{\"version\":1,\"seq\":1,\"type\":\"star'"),
                    "\(error.description)")
        }
    }
}
