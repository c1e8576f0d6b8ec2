/// Splits a command line into argv the way a POSIX shell would tokenise words
/// (quotes and backslashes), but without expanding anything: no variables, globs,
/// pipes or substitutions. The result is run directly, never through a shell.
public enum ArgvSplitter {
    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for ch in line {
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
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(ch); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
