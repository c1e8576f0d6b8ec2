@testable import RunbookKit
import Testing

/// Splitting a command line into words as the shell does, one word at a time.
@Suite struct TextScanningTests {
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
