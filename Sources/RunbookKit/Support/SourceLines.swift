extension StringProtocol where SubSequence == Substring {
    /// The text split at line feeds, exactly as `split(separator: "\n",
    /// omittingEmptySubsequences: false)` splits it, but found by scanning bytes instead
    /// of grapheme clusters, which is several times faster on whole files.
    ///
    /// Same result because a line feed is always a grapheme cluster of its own, except
    /// right after a carriage return: CR LF is one `Character` that is not "\n", so the
    /// character split keeps it inside a line, and so does this.
    public func lineSlices() -> [Substring] {
        let breaks = utf8.withContiguousStorageIfAvailable(lineBreakOffsets) ?? lineBreakOffsets(Array(utf8))
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var lineStart = startIndex
        for offset in breaks {
            let lineFeed = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(self[lineStart..<lineFeed])
            lineStart = utf8.index(after: lineFeed)
        }
        lines.append(self[lineStart..<endIndex])
        return lines
    }
}

/// Byte offsets of the line feeds that end lines: those not right after a carriage return.
private func lineBreakOffsets(_ bytes: some Collection<UInt8>) -> [Int] {
    var offsets: [Int] = []
    var previous: UInt8 = 0
    for (offset, byte) in bytes.enumerated() {
        if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { offsets.append(offset) }
        previous = byte
    }
    return offsets
}
