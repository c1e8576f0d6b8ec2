/// What HTTP allows in the header and cookie lines ColdRead sends for the reader. A
/// value AsyncHTTPClient would refuse (a line break from a YAML `|` block) must be
/// caught where it was written, with its place in the file, never discovered as a
/// network error that quotes the value; a `;` in a cookie would forge a second cookie.
enum HTTPFieldRules {
    /// RFC 9110 `token`: the letters allowed in a header or cookie name.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Why `value` cannot be sent as a header value, or nil when it can. Never quotes it.
    static func headerValueProblem(_ value: String) -> String? {
        if value.utf8.last == UInt8(ascii: "\n") || value.utf8.last == UInt8(ascii: "\r") {
            return "a value that ends in a line break"
        }
        if value.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return "a value with a line break in it"
        }
        if value.utf8.contains(0) { return "a value with a NUL byte in it" }
        if value.utf8.contains(where: { ($0 < 0x20 && $0 != UInt8(ascii: "\t")) || $0 == 0x7F }) {
            return "a value with a control character in it"
        }
        return nil
    }

    /// Why `value` cannot be sent as a cookie value, or nil when it can.
    static func cookieValueProblem(_ value: String) -> String? {
        if let problem = headerValueProblem(value) { return problem }
        if value.contains(";") { return "a value with ';' in it, which would end the cookie" }
        return nil
    }

    /// The hint for a value problem: where a stray line break usually comes from.
    static func valueHint(_ problem: String) -> String {
        problem.contains("line break")
            ? "a YAML '|' block keeps its last newline: write the value on one line, quoted, or use '|-'"
            : "remove the control characters from the value"
    }
}
