import DrillKit
import Foundation
import Testing
import TerminalUI

/// Frames compared with golden files under Fixtures/; `UPDATE_GOLDEN=1 swift test`
/// rewrites them.
@Suite("Frame goldens")
struct FrameGoldenTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)]

    func assertGolden(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = FrameScenes.packageRoot + "/Tests/TerminalUITests/Fixtures/" + name + ".txt"
        let actual = frame.goldenText
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "frame \(name) differs from its golden file; rerun with UPDATE_GOLDEN=1 after checking", sourceLocation: sourceLocation)
    }

    func name(_ scene: String, _ size: TerminalSize, ascii: Bool = false) -> String {
        "\(scene)-\(size.width)x\(size.height)" + (ascii ? "-ascii" : "")
    }

    @Test(arguments: sizes)
    func briefing(size: TerminalSize) throws {
        try assertGolden(render(try FrameScenes.briefing(), size: size), name("briefing", size))
    }

    @Test func briefingWarnsWhenTheReadIsNotCold() throws {
        let frame = render(try FrameScenes.briefing(reader: "eve", cold: false), size: Self.sizes[0])
        try assertGolden(frame, name("briefing-not-cold", Self.sizes[0]))
        #expect(frame.rows.joined().contains("this is not a cold read"))
    }

    @Test func briefingSaysWhenTheReaderIsNotInTheDirectory() throws {
        let frame = render(try FrameScenes.briefing(reader: "zoe", readerKnown: false), size: Self.sizes[0])
        #expect(frame.rows.joined().contains("zoe is not in the access directory: scopes show as unknown"))
    }

    /// At 80×24 the step is longer than its pane since links show their whole URL: the
    /// badges are checked over the first page and the last one.
    @Test(arguments: sizes)
    func stepDetailWithMixedBadges(size: TerminalSize) throws {
        let state = try FrameScenes.stepDetail()
        let frame = render(state, size: size)
        try assertGolden(frame, name("step-detail", size))
        var scrolled = state
        scrolled.detailScroll = StepPaneMetrics.of(state, size: size, glyphs: .unicode).lastScroll
        let text = (frame.rows + render(scrolled, size: size).rows).joined(separator: "\n")
        for expected in ["✗ missing", "✗ not held", "INJECT", "elapsed 02:58", "- asked in #ai-platform"] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test(arguments: sizes)
    func reasonPicker(size: TerminalSize) throws {
        let frame = render(try FrameScenes.reasonPicker(), size: size)
        try assertGolden(frame, name("reason-picker", size))
        #expect(frame.rows.joined().contains("7  other"))
    }

    @Test(arguments: sizes)
    func summary(size: TerminalSize) throws {
        let frame = render(try FrameScenes.summary(), size: size)
        try assertGolden(frame, name("summary", size))
        let text = frame.rows.joined(separator: "\n")
        #expect(text.contains("not clean, 2 steps blocked"))
        #expect(text.contains("Drills/runs/20261125T021700Z-agent-wrong-answers-ab12/report.md"))
    }

    @Test func asciiLocale() throws {
        let size = Self.sizes[0]
        let detail = render(try FrameScenes.stepDetail(), size: size, glyphs: .ascii)
        try assertGolden(detail, name("step-detail", size, ascii: true))
        try assertGolden(render(try FrameScenes.summary(), size: size, glyphs: .ascii), name("summary", size, ascii: true))
        for row in detail.rows { let ascii = row.unicodeScalars.allSatisfy { $0.isASCII }; #expect(ascii, "\(row)") }
    }

    @Test func aTinyTerminalAsksForMoreRoom() throws {
        let frame = render(try FrameScenes.stepDetail(), size: TerminalSize(width: 30, height: 8))
        #expect(frame.rows.joined(separator: " ").contains("needs at least 44x12"))
    }
}
