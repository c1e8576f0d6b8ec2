import RunbookKit

/// The `--format json` document, written byte by byte. JSONEncoder's generic machinery
/// cost more than the rules themselves on a large library; this writes exactly the bytes
/// JSONEncoder gives with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// (keys in UTF-8 order, `" : "`, two-space indent, JSON escapes for quotes, backslashes
/// and control characters, everything else verbatim). A test compares the two.
struct FindingsJSON {
    private var json = JSONBytes()

    static func render(_ findings: [Finding], filesChecked: Int) -> String {
        var doc = FindingsJSON()
        doc.json = JSONBytes(capacity: 256 + findings.count * 384)
        doc.write("{\n  \"findings\" : [")
        for (i, finding) in findings.enumerated() {
            doc.write(i == 0 ? "\n    {\n" : ",\n    {\n")
            doc.member("column", finding.location.column)
            doc.member("file", finding.location.file)
            doc.member("line", finding.location.line)
            doc.member("message", finding.message)
            doc.member("rule_id", finding.rule.rawValue)
            if let runbook = finding.runbookId { doc.member("runbook", runbook) }
            doc.member("severity", finding.severity.rawValue, last: finding.step == nil)
            if let step = finding.step { doc.member("step", step, last: true) }
            doc.write("    }")
        }
        doc.write(findings.isEmpty ? "\n\n  ],\n" : "\n  ],\n")
        doc.write("  \"summary\" : {\n")
        doc.member("errors", findings.count { $0.severity == .error }, indent: 4)
        doc.member("files", filesChecked, indent: 4)
        doc.member("warnings", findings.count { $0.severity == .warning }, indent: 4, last: true)
        doc.write("  },\n  \"version\" : 1\n}")
        return doc.json.text
    }

    private mutating func member(_ key: StaticString, _ value: Int, indent: Int = 6, last: Bool = false) {
        memberStart(key, indent: indent)
        json.number(value)
        write(last ? "\n" : ",\n")
    }

    private mutating func member(_ key: StaticString, _ value: String, indent: Int = 6, last: Bool = false) {
        memberStart(key, indent: indent)
        json.string(value)
        write(last ? "\n" : ",\n")
    }

    private mutating func memberStart(_ key: StaticString, indent: Int) {
        for _ in 0..<indent { json.raw(UInt8(ascii: " ")) }
        json.raw(UInt8(ascii: "\""))
        write(key)
        write("\" : ")
    }

    private mutating func write(_ text: StaticString) { json.raw(text) }
}
