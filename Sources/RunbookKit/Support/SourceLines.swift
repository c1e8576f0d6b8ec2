extension StringProtocol where SubSequence == Substring {
    /// The text split at line feeds, exactly as `split(separator: "\n",
    /// omittingEmptySubsequences: false)` splits it, but found by scanning bytes instead
    /// of grapheme clusters, which is several times faster on whole files.
    ///
    /// Same result because a line feed is always a grapheme cluster of its own, except
    /// right after a carriage return: CR LF is one `Character` that is not "\n", so the
    /// character split keeps it inside a line, and so does this.
    public func lineSlices() -> [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var lineStart = bytes.startIndex
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                lines.append(self[lineStart..<index])
                lineStart = bytes.index(after: index)
            }
            previous = byte
            bytes.formIndex(after: &index)
        }
        lines.append(self[lineStart..<bytes.endIndex])
        return lines
    }
}
