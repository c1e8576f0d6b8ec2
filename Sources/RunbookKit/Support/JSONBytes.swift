/// JSON written byte by byte, escaped exactly as Foundation's JSONEncoder escapes it with
/// `.withoutEscapingSlashes`: quotes, backslashes and control characters, everything else
/// verbatim. For documents with thousands of entries (a lint of a large library, a probe
/// of ten thousand links) JSONEncoder's generic machinery costs more than the work that
/// produced them. Callers write keys in sorted order themselves; tests compare each
/// writer with JSONEncoder.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The document as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Bytes written as they are (punctuation, indentation, keys without escapes).
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    public mutating func number(_ value: Int) {
        // Digits written straight into the buffer, least significant first and then put
        // in order: a String per number cost more than the rest of a probe result's JSON.
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// A compact array, each element written by `element`.
    /// Inlinable so each caller gets it specialized for its element type: unspecialized,
    /// every element cost a generic metadata lookup.
    @inlinable
    public mutating func array<T>(_ values: [T], _ element: (inout JSONBytes, T) -> Void) {
        raw(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { raw(UInt8(ascii: ",")) }
            element(&self, value)
        }
        raw(UInt8(ascii: "]"))
    }

    /// A quoted, escaped JSON string; runs that need no escape are copied whole.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                escape(byte)
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        default:
            raw("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0xF)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
