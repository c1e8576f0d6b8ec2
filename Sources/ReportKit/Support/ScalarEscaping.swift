/// One output format's escaping, as a table: the scalars it writes differently and the
/// ones it drops. XML text, iCalendar TEXT and SARIF URIs differ only in these tables,
/// so one loop serves every format and a new one is a new table, not a new loop.
struct ScalarEscaping: Sendable {
    /// A scalar and what is written in its place (`""` drops it).
    let replacements: [Unicode.Scalar: String]
    /// Scalars the format forbids that the table does not name; they are left out.
    let forbids: @Sendable (Unicode.Scalar) -> Bool

    func callAsFunction(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                out += replacement
            } else if !forbids(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
