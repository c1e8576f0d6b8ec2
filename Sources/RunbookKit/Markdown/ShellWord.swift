/// One word of a shell command as the shell would see it: quotes removed, with the byte
/// offset where it starts in its line, so a tool found on a continuation line keeps that
/// line. `expands` marks a word the shell rewrites (`$VAR`, `$(…)`): as a command word
/// it names no tool anyone can check.
struct ShellWord {
    var text: String
    var offset: Int
    var quoted = false
    var expands = false
}

/// The word being read: its bytes, where it started, and what the shell would do to it.
struct ShellWordBuilder {
    var bytes: [UInt8] = []
    var offset = 0
    var started = false
    var quoted = false
    var expands = false

    mutating func start(at index: Int) {
        if !started { offset = index }
        started = true
    }

    mutating func append(_ b: UInt8, at index: Int) {
        start(at: index)
        bytes.append(b)
    }

    /// Ready for the next word, keeping the byte buffer: one buffer serves a whole line.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        started = false
        quoted = false
        expands = false
    }

    /// Marks the word as rewritten by the shell, keeping a `$` in it for a reader.
    mutating func markExpansion() {
        started = true
        expands = true
        bytes.append(UInt8(ascii: "$"))
    }
}

/// The words of the command being read and the commands finished so far.
struct ShellCommandList {
    var word = ShellWordBuilder()
    var words: [ShellWord] = []
    var finished: [[ShellWord]] = []
    /// The next word is a redirection's file, not an argument.
    var skipNextWord = false
    /// `up > 0`: a comparison, not a redirection into a file named 0.
    var redirectsToNumber = false

    mutating func endWord() {
        guard word.started else { return }
        if skipNextWord {
            skipNextWord = false
            if !word.quoted, word.bytes.allSatisfy(ShellSyntax.isDigit) { redirectsToNumber = true }
        } else {
            words.append(ShellWord(text: String(decoding: word.bytes, as: UTF8.self), offset: word.offset,
                                   quoted: word.quoted, expands: word.expands))
        }
        word.reset()
    }

    /// `2>` and `2>&1`: the digits before a redirection name a file descriptor, not a word.
    mutating func dropFileDescriptor() {
        if word.started, !word.quoted, word.bytes.allSatisfy(ShellSyntax.isDigit) {
            word.reset()
        } else {
            endWord()
        }
    }

    mutating func endCommand() {
        endWord()
        skipNextWord = false
        if !words.isEmpty { finished.append(words) }
        words = []
    }

    mutating func finish() -> [[ShellWord]] {
        endCommand()
        return finished
    }
}
