extension Substring {
    /// The first occurrence of an ASCII `needle`, with the same result as
    /// `firstRange(of:)`. On ASCII text every `Character` is one byte (a CR LF pair,
    /// the only exception, holds none of the needle's characters unless the needle has
    /// CR or LF, which it must not), so a byte scan finds the same range much faster than
    /// the generic grapheme search; other text takes the generic search.
    func firstRange(ofASCII needle: StaticString) -> Range<Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        precondition(!pattern.isEmpty && pattern.allSatisfy { $0 < 0x80 && $0 != 0x0A && $0 != 0x0D })
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return firstRange(of: needle.description) }
        var start = bytes.startIndex
        while start != bytes.endIndex {
            var candidate = start
            var matched = 0
            while matched < pattern.count, candidate != bytes.endIndex, bytes[candidate] == pattern[matched] {
                matched += 1
                bytes.formIndex(after: &candidate)
            }
            if matched == pattern.count { return start..<candidate }
            bytes.formIndex(after: &start)
        }
        return nil
    }
}

extension Substring {
    /// `hasPrefix(prefix)` for an ASCII `prefix` without CR or LF, decided by bytes.
    /// Matching bytes are a matching prefix of Characters unless the next scalar joins the
    /// prefix's last character into a longer one (a combining mark, say); that can only be
    /// a non-ASCII byte, and then the generic comparison decides.
    func hasPrefix(ascii prefix: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        let bytes = utf8
        guard bytes.starts(with: pattern) else { return false }
        let after = bytes.index(bytes.startIndex, offsetBy: pattern.count)
        guard after != bytes.endIndex, bytes[after] >= 0x80 else { return true }
        return hasPrefix(prefix.description)
    }
}
