/// Text as every reader of a file sees it, whatever editor saved it: a leading UTF-8 byte
/// order mark dropped, CR LF and a lone CR turned into LF.
///
/// Done once where text enters (`SourceText.read`, `RunbookLoader.parse`), so the front
/// matter fence, cmark-gfm's lines, Yams' marks and every `lineSlices()` see the same
/// lines as in the LF file: each CR LF or CR becomes exactly one LF, so line numbers do
/// not move, and columns do not either (the CR sat at a line's end; the BOM counted as
/// no column in any editor). Before this, a CRLF file's `---` fence never matched and its
/// front matter was silently lost.
public enum LineEndings {
    /// The text with a leading BOM removed and every CR LF or lone CR made an LF. Text
    /// without either is returned as it is, after one scan of its bytes.
    public static func normalized(_ text: String) -> String {
        let utf8 = text.utf8
        let hasBOM = utf8.starts(with: bom)
        let hasCR = utf8.withContiguousStorageIfAvailable { $0.contains(carriageReturn) } ?? utf8.contains(carriageReturn)
        guard hasBOM || hasCR else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8.dropFirst(hasBOM ? bom.count : 0) {
            if byte == carriageReturn {
                bytes.append(lineFeed)
            } else if !(byte == lineFeed && previousWasCR) {
                bytes.append(byte)
            }
            previousWasCR = byte == carriageReturn
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
}
