@testable import RunbookKit
import Testing

/// The byte-level scans that replace grapheme-level ones on the lint's hot path must
/// give exactly the results of the code they replace, including on CR LF and
/// non-ASCII text.
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
        "<!-- coldread\nscopes: [a]\n-->", "no close", "--->", "- ->-->", "->", "-->",
        "é -->", "->\u{338} -->", "-\u{301}-> -->", "a\r\n-->", "--\u{338}>-->",
    ])
    func asciiSearchFindsWhatTheGenericSearchFinds(_ text: String) {
        let body = Substring(text)
        #expect(body.firstRange(ofASCII: "-->") == body.firstRange(of: "-->"))
    }

    @Test(arguments: [
        "<!-- coldread", "<!--coldread", "<!--\u{301} coldread", "<!-", "", "<!--", "coldread\u{301}: x", "coldread: é",
        "coldreadé", "cold", "<!--é", "\u{301}<!--",
    ])
    func asciiPrefixIsTheCharacterPrefix(_ text: String) {
        let body = Substring(text)
        #expect(body.hasPrefix(ascii: "<!--") == body.hasPrefix("<!--"))
        #expect(body.hasPrefix(ascii: "coldread") == body.hasPrefix("coldread"))
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
