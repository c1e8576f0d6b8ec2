/// Splits a command line into argv the way a POSIX shell would tokenise words
/// (quotes and backslashes), but without expanding anything: no variables, globs,
/// pipes or substitutions. The result is run directly, never through a shell.
public enum ArgvSplitter {
    public static func split(_ line: String) -> [String] {
        Array(IteratorSequence(Words(line)))
    }

    /// The words of a command line one at a time, for readers that stop early (the
    /// first command word of a shell line rarely needs more than one or two words).
    public struct Words: IteratorProtocol {
        private var characters: String.Iterator

        public init(_ line: String) { characters = line.makeIterator() }

        public mutating func next() -> String? {
            var current = ""
            var inWord = false
            var quote: Character?
            var escape = false
            while let ch = characters.next() {
                if escape {
                    current.append(ch)
                    escape = false
                    continue
                }
                if let q = quote {
                    if ch == q { quote = nil }
                    else if ch == "\\" && q == "\"" { escape = true }
                    else { current.append(ch) }
                    continue
                }
                switch ch {
                case "\\": escape = true; inWord = true
                case "'", "\"": quote = ch; inWord = true
                case " ", "\t", "\n":
                    if inWord { return current }
                default: current.append(ch); inWord = true
                }
            }
            return inWord ? current : nil
        }
    }
}
