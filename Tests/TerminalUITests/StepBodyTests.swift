@testable import TerminalUI
import Testing

/// A step body as blocks: what the author wrote stays, at its depth, and the title is
/// not said twice.
@Suite("Step body")
struct StepBodyTests {
    @Test func theTitleSentenceIsNotRepeatedButWhatFollowsItStays() {
        let body = StepBody("1. Check the queue. Then drain it if it is over 10k.", title: "Check the queue.", bullet: "•")
        #expect(body.blocks == [.paragraph(level: 0, text: "Then drain it if it is over 10k.")])
    }

    @Test func aTitleCutShortLeavesTheWholeSentence() {
        let body = StepBody("- Check the queue depth on every broker in the cluster", title: "Check the queue depth on…", bullet: "•")
        #expect(body.blocks == [.paragraph(level: 0, text: "Check the queue depth on every broker in the cluster")])
    }

    @Test func aHeadingThatOnlyBeginsTheFirstSentenceIsNotDropped() {
        let body = StepBody("Check Xylophones.", title: "Check X", bullet: "•")
        #expect(body.blocks == [.paragraph(level: 0, text: "Check Xylophones.")])
        let heading = StepBody("Open the dashboard and compare the last hour.", title: "Open the dashboard", bullet: "•")
        #expect(heading.blocks == [.paragraph(level: 0, text: "Open the dashboard and compare the last hour.")])
    }

    @Test func nestedItemsKeepTheirDepthAndMarkers() {
        let body = StepBody("""
            Look at:
            - pods
              1. in payments
                 * the api first
            - events
            """, title: "", bullet: "•")
        #expect(body.blocks == [
            .paragraph(level: 0, text: "Look at:"),
            .item(level: 0, marker: "•", text: "pods"),
            .item(level: 1, marker: "1.", text: "in payments"),
            .item(level: 2, marker: "•", text: "the api first"),
            .item(level: 0, marker: "•", text: "events"),
        ])
    }

    @Test func codeAndTablesAreVerbatimAndATableIsOneBlock() {
        let body = StepBody("""
            Run:
            ```sh
              kubectl get pods   -A
            ```
            | a | b |
            |---|---|
            """, title: "", bullet: "•")
        #expect(body.blocks == [.paragraph(level: 0, text: "Run:"), .verbatim(["  kubectl get pods   -A"]), .verbatim(["| a | b |", "|---|---|"])])
        #expect(body.lines(width: 40, bar: "│") == ["Run:", "", "│   kubectl get pods   -A", "", "│ | a | b |", "│ |---|---|"])
    }
}
