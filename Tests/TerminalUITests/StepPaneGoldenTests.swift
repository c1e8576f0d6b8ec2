import DrillKit
import Foundation
import RunbookKit
import Testing
import TerminalUI

/// The step pane as a reader sees real runbooks: lists keep their depth and bullets,
/// code keeps its lines, a URL is shown whole, and a long step scrolls to its last line.
@Suite("Step pane frames")
struct StepPaneGoldenTests {
    static let sizes = FrameGoldenTests.sizes
    let goldens = FrameGoldenTests()

    func text(_ frame: Frame) -> String { frame.rows.joined(separator: "\n") }

    @Test(arguments: sizes)
    func nestedListKeepsItsDepthAndBullets(size: TerminalSize) throws {
        let frame = render(try StepPaneScenes.atStep(1).state, size: size)
        try goldens.assertGolden(frame, goldens.name("nested-list", size))
        let rows = frame.rows
        let outer = try #require(rows.first { $0.contains("• in the `payments` namespace") })
        let inner = try #require(rows.first { $0.contains("• the `api` deployment first") })
        #expect(inner.firstIndex(of: "•")! > outer.firstIndex(of: "•")!)
        #expect(!text(frame).contains("* "))
    }

    @Test(arguments: sizes)
    func codeBlockIsVerbatimAndSetApart(size: TerminalSize) throws {
        let frame = render(try StepPaneScenes.atStep(2).state, size: size)
        try goldens.assertGolden(frame, goldens.name("code-block", size))
        #expect(frame.rows.contains { $0.contains("│ kubectl -n payments rollout restart deployment/") })
        #expect(frame.rows.contains { $0.contains("│ kubectl -n payments rollout status deployment/") })
        #expect(text(frame).contains("Then check the dashboard again."))
    }

    @Test(arguments: sizes)
    func linkShowsItsWholeURLWrapped(size: TerminalSize) throws {
        let frame = render(try StepPaneScenes.atStep(3).state, size: size)
        try goldens.assertGolden(frame, goldens.name("wrapped-url", size))
        let pane = frame.rows.map { String($0.dropFirst(size.width >= 100 ? 38 : 28)).trimmingCharacters(in: .whitespaces) }
        #expect(pane.joined().contains(StepPaneScenes.longURL))
        #expect(!pane.joined().contains("…"), "nothing in the pane is clipped")
    }

    @Test(arguments: sizes)
    func longStepScrolledToItsEnd(size: TerminalSize) throws {
        var driver = try StepPaneScenes.atStep(4)
        #expect(text(render(driver.state, size: size)).contains("more (PgDn/Space)"))
        let presses = StepPaneScenes.scrolledToEnd(&driver, size: size)
        #expect(presses > 0)
        let frame = render(driver.state, size: size)
        try goldens.assertGolden(frame, goldens.name("long-step-end", size))
        #expect(text(frame).contains("end of step"))
        #expect(text(frame).contains("30. Confirm that check number 30"))
    }

    @Test func movingToAnotherStepScrollsBackToItsTop() throws {
        let size = Self.sizes[0]
        var driver = try StepPaneScenes.atStep(4)
        _ = StepPaneScenes.scrolledToEnd(&driver, size: size)
        driver.send(.moveCursor(by: -1))
        #expect(driver.state.detailScroll == 0)
        #expect(text(render(driver.state, size: size)).contains("Open the latency dashboard"))
    }

    /// The picker clears the whole pane: no line of the busy step shows beside or below it.
    @Test(arguments: sizes)
    func reasonPickerCoversTheBusyStep(size: TerminalSize) throws {
        let frame = render(try FrameScenes.reasonPicker(), size: size)
        let column = size.width >= 100 ? 38 : 28
        let pane = frame.rows[4...(size.height - 3)].map { String($0.dropFirst(column)) }
        let below = pane.dropFirst(8)
        #expect(below.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(below)")
        #expect(!text(frame).contains("Scopes"))
    }

    @Test(arguments: sizes)
    func summaryGivesTheNextDrillDate(size: TerminalSize) throws {
        var state = try FrameScenes.summary()
        state.cadence = DrillCadence(policy: CadencePolicy(), earlierRuns: [], incidents: [])
        let frame = render(state, size: size)
        try goldens.assertGolden(frame, goldens.name("summary-next-drill", size))
        let shown = text(frame)
        #expect(shown.contains("Next drill"))
        #expect(shown.contains("(monthly until 2 clean drills in a row)"))
        #expect(!shown.contains("see `coldread schedule`"))
        #expect(!shown.contains("::"))
    }
}
