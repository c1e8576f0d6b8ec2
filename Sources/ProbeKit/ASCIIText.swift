/// Substring search over raw bytes, ASCII case folded. Foundation's `contains` and
/// `range(of:)` go through NSString on Linux; on a page or path per link that dominated
/// the probe's own CPU time.
enum ASCIIText {
    /// Whether `needle` (ASCII, lower-case) occurs in `haystack`, ignoring ASCII case.
    static func contains(_ haystack: some RandomAccessCollection<UInt8>, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        return firstIndex(of: needle, in: Array(haystack), from: 0) != nil
    }

    /// Where `needle` (ASCII, lower-case) first occurs in `haystack` at or after `from`,
    /// ignoring ASCII case.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - from >= needle.count else { return needle.isEmpty ? from : nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if lower(haystack[i]) == first {
                var j = 1
                while j < needle.count, lower(haystack[i + j]) == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
