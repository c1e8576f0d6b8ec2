@testable import RunbookKit
import Testing

/// `lineSlices()` (kept by hand: it saves over 10% of `lint`, docs/architecture.md) must
/// give exactly the lines of a Character split, including on CR LF and non-ASCII text;
/// and command lines split into words as the shell splits them.
@Suite struct TextScanningTests {
    static let texts = [
        "", "\n", "\n\n", "one", "one\n", "one\ntwo", "a\r\nb\nc", "a\rb\n\r\n", "\r\n\r\n",
        "é\n\u{301}x\n", "👩‍👩‍👧\nz", "tab\there\n  -->\n", "line\n\u{200D}next", "x\r\n\n",
    ]

    @Test(arguments: texts)
    func linesAreThoseOfACharacterSplit(_ text: String) {
        #expect(text.lineSlices() == text.split(separator: "\n", omittingEmptySubsequences: false))
        let inner = text.dropFirst()
        #expect(inner.lineSlices() == inner.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: [
        ("", []), ("   ", []), ("  a  b  ", ["a", "b"]), ("unterminated 'quote", ["unterminated", "quote"]),
        (#"trailing\"#, ["trailing"]), (#""escaped \" quote" next"#, [#"escaped " quote"#, "next"]),
        ("tabs\tand\nnewlines", ["tabs", "and", "newlines"]), ("'' x", ["", "x"]),
    ] as [(String, [String])])
    func wordsComeOneAtATimeAsTheShellSplitsThem(_ line: String, _ expected: [String]) {
        var words = ArgvSplitter.Words(line)
        var collected: [String] = []
        while let word = words.next() { collected.append(word) }
        #expect(collected == expected)
        #expect(ArgvSplitter.split(line) == expected)
    }
}
