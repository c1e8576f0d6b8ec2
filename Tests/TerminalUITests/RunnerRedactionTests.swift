import DrillKit
import Foundation
import RunbookKit
import Testing
import TerminalUI

/// A drill's journal holds no secret: a note that pastes the reader's token and a probe
/// result whose URLs carry one reach the file redacted, through the runner's writer.
@Suite("Drill runner redaction")
struct RunnerRedactionTests {
    static let token = "drill-s3cr3t-55aa"

    @Test func aPastedTokenAndATokenInAProbeURLAreRedactedInTheJournal() throws {
        let folder = NSTemporaryDirectory() + "coldread-runner-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var context = try FrameScenes.context()
        context.runFolder = folder
        let typed = "pasted \(Self.token) here".map { Key.character($0) }
        let screen = ScriptedScreen(keys: [.enter, .character("n")] + typed + [.enter, .interrupt])
        let inbox = ActionInbox()
        let runner = DrillRunner(state: DrillState(context: context), reducer: DrillReducer(timeline: RunTimeline(clock: ManualClock())),
                                 screen: screen, inbox: inbox, services: RecordingServices(),
                                 redaction: Redaction(credentialValues: ["Bearer \(Self.token)"]))
        let result = ProbeResult(kind: .link, step: 1, outcome: .redirectLoop, url: "https://t.example/?access_token=url-s3cr3t",
                                 statusChain: [302], finalURL: "https://t.example/?token=final-s3cr3t", ms: 3,
                                 reason: "the redirects come back to https://t.example/?token=final-s3cr3t")
        var posted = false
        screen.onDraw = { [unowned runner] _ in
            guard !posted, runner.state.progress.phase != .notStarted else { return }
            inbox.post(.probeResult(result))
            posted = true
        }
        _ = try runner.run()
        let journal = try String(contentsOfFile: context.journalPath, encoding: .utf8)
        #expect(journal.contains("pasted REDACTED here"))
        #expect(journal.contains("access_token=REDACTED"))
        for secret in [Self.token, "url-s3cr3t", "final-s3cr3t"] {
            #expect(!journal.contains(secret), "\(secret) in the journal")
        }
    }
}
