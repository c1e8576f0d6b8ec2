import RunbookKit
import Testing

/// The step body is what the reader sees in the drill: the annotation is invisible there,
/// as it is on GitHub.
@Suite struct StepBodyTests {
    @Test func multiLineAnnotationsLeaveNoTraceInTheBody() throws {
        let rb = try RunbookLoader.parse("""
            # T
            ## Steps
            1. Read the traces in the
               [trace store](https://traces.example/x).
               <!-- coldread
               scopes: [traces:read]
               -->

            2. Next. <!-- coldread scopes: [] -->
            """, file: "rb.md")
        #expect(rb.steps[0].body == "1. Read the traces in the\n   [trace store](https://traces.example/x).")
        #expect(rb.steps[0].scopes.map(\.name) == ["traces:read"])
        #expect(rb.steps[1].body == "2. Next.")
    }
}
