/// The two URL rules of `Redaction`, on the bytes of any text: a URL's userinfo, and the
/// values of secret-looking query parameters. Both look for what makes a URL a URL
/// (`://`, a `?`, `&` or `;` before a `name=`), so ordinary prose is left as it is.
enum URLSecrets {
    /// Replaces `user:pass` in every `scheme://user:pass@host`.
    static func redactUserinfo(_ bytes: inout [UInt8]) -> Bool {
        var changed = false
        var i = 1
        while i + 3 <= bytes.count {
            guard bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/"),
                  isSchemeByte(bytes[i - 1]) else {
                i += 1
                continue
            }
            let start = i + 3
            var end = start
            var lastAt: Int?
            while end < bytes.count, !endsAuthority(bytes[end]) {
                if bytes[end] == UInt8(ascii: "@") { lastAt = end }
                end += 1
            }
            if let at = lastAt, !bytes[start..<at].elementsEqual(Redaction.replacementBytes) {
                bytes.replaceSubrange(start..<at, with: Redaction.replacementBytes)
                changed = true
                i = start + Redaction.replacementBytes.count
            } else {
                i = end
            }
        }
        return changed
    }

    /// Replaces the value of every `name=value` after `?`, `&` or `;` (so `&amp;` too), or
    /// after their percent-encodings, whose name `names` calls secret.
    static func redactParameters(_ bytes: inout [UInt8], names: SecretParameterNames) -> Bool {
        var changed = false
        var i = 0
        while i < bytes.count {
            // Most bytes are no separator: decided here, before any call.
            guard separatorStarts[Int(bytes[i])], let nameStart = boundaryEnd(bytes, at: i) else {
                i += 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < bytes.count, nameEnd - nameStart < 64, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, let valueStart = equalsEnd(bytes, at: nameEnd),
                  names.isSecret(bytes[nameStart..<nameEnd]) else {
                i = max(i + 1, nameEnd)
                continue
            }
            var valueEnd = valueStart
            while valueEnd < bytes.count, !endsValue(bytes, at: valueEnd) { valueEnd += 1 }
            if valueEnd > valueStart, !bytes[valueStart..<valueEnd].elementsEqual(Redaction.replacementBytes) {
                bytes.replaceSubrange(valueStart..<valueEnd, with: Redaction.replacementBytes)
                changed = true
                valueEnd = valueStart + Redaction.replacementBytes.count
            }
            i = valueEnd
        }
        return changed
    }

    /// Where a parameter name starts, when a separator (`?`, `&`, `;`, `%3F`, `%26`) is at `i`.
    private static func boundaryEnd(_ bytes: [UInt8], at i: Int) -> Int? {
        switch bytes[i] {
        case UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: ";"): return i + 1
        case UInt8(ascii: "%"): return percentByte(bytes, at: i).flatMap { $0 == 0x3F || $0 == 0x26 ? i + 3 : nil }
        default: return nil
        }
    }

    /// Where a value starts, when `=` or `%3D` is at `i`.
    private static func equalsEnd(_ bytes: [UInt8], at i: Int) -> Int? {
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "=") { return i + 1 }
        return percentByte(bytes, at: i) == 0x3D ? i + 3 : nil
    }

    /// The byte a `%XX` escape at `i` stands for.
    private static func percentByte(_ bytes: [UInt8], at i: Int) -> UInt8? {
        guard i + 2 < bytes.count, bytes[i] == UInt8(ascii: "%"),
              let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool { schemeBytes[Int(byte)] }

    private static func isNameByte(_ byte: UInt8) -> Bool { nameBytes[Int(byte)] }

    /// Bytes that cannot be in an authority, or end a URL in running text or markup.
    private static func endsAuthority(_ byte: UInt8) -> Bool { authorityEnds[Int(byte)] }

    /// Bytes that end a parameter's value: the next parameter, the fragment, the end of
    /// the URL in text or markup, or an encoded `&` or `#` in a URL nested in a query.
    private static func endsValue(_ bytes: [UInt8], at i: Int) -> Bool {
        let byte = bytes[i]
        if valueEnds[Int(byte)] { return true }
        guard byte == UInt8(ascii: "%"), let decoded = percentByte(bytes, at: i) else { return false }
        return decoded == 0x26 || decoded == 0x23
    }

    // Byte classes as 256-entry tables: the scans ask one of them of every byte of
    // every output, megabytes for a large probe run.
    private static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    private static let schemeBytes = table(alphanumerics + Array("+-.".utf8))
    private static let nameBytes = table(alphanumerics + Array("_-.".utf8))
    private static let authorityEnds = table(Array("/?#\"'<>\\`)],".utf8) + Array(0...0x20))
    private static let separatorStarts = table(Array("?&;%".utf8))
    private static let valueEnds = table(Array("&#;\"'<>\\`)]".utf8) + Array(0...0x20))

    private static func table(_ members: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in members { table[Int(byte)] = true }
        return table
    }
}
