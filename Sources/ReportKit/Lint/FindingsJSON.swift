/// The `--format json` document, written byte by byte. JSONEncoder's generic machinery
/// cost more than the rules themselves on a large library; this writes exactly the bytes
/// JSONEncoder gives with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// (keys in UTF-8 order, `" : "`, two-space indent, JSON escapes for quotes, backslashes
/// and control characters, everything else verbatim). A test compares the two.
struct FindingsJSON {
    private var bytes: [UInt8] = []

    static func render(_ findings: [Finding], filesChecked: Int) -> String {
        var json = FindingsJSON()
        json.bytes.reserveCapacity(256 + findings.count * 384)
        json.write("{\n  \"findings\" : [")
        for (i, finding) in findings.enumerated() {
            json.write(i == 0 ? "\n    {\n" : ",\n    {\n")
            json.member("column", finding.location.column)
            json.member("file", finding.location.file)
            json.member("line", finding.location.line)
            json.member("message", finding.message)
            json.member("rule_id", finding.rule.rawValue)
            if let runbook = finding.runbookId { json.member("runbook", runbook) }
            json.member("severity", finding.severity.rawValue, last: finding.step == nil)
            if let step = finding.step { json.member("step", step, last: true) }
            json.write("    }")
        }
        json.write(findings.isEmpty ? "\n\n  ],\n" : "\n  ],\n")
        json.write("  \"summary\" : {\n")
        json.member("errors", findings.count { $0.severity == .error }, indent: 4)
        json.member("files", filesChecked, indent: 4)
        json.member("warnings", findings.count { $0.severity == .warning }, indent: 4, last: true)
        json.write("  },\n  \"version\" : 1\n}")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private mutating func member(_ key: StaticString, _ value: Int, indent: Int = 6, last: Bool = false) {
        memberStart(key, indent: indent)
        write(String(value))
        write(last ? "\n" : ",\n")
    }

    private mutating func member(_ key: StaticString, _ value: String, indent: Int = 6, last: Bool = false) {
        memberStart(key, indent: indent)
        string(value)
        write(last ? "\n" : ",\n")
    }

    private mutating func memberStart(_ key: StaticString, indent: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        bytes.append(UInt8(ascii: "\""))
        write(key)
        write("\" : ")
    }

    private mutating func write(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string with JSONEncoder's escapes.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): write("\\\"")
            case UInt8(ascii: "\\"): write("\\\\")
            case 0x08: write("\\b")
            case 0x0C: write("\\f")
            case UInt8(ascii: "\n"): write("\\n")
            case UInt8(ascii: "\r"): write("\\r")
            case UInt8(ascii: "\t"): write("\\t")
            case 0x00...0x1F:
                write("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
