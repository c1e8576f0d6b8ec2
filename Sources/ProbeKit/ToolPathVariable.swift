/// A tool whose path starts with a variable (`$SCRIPTS/encrypt.sh`, `${TOOLS}/x`) or a
/// home folder (`~/bin/x`): the shell expands it before running it, so the probe does
/// too, and a variable that is not set leaves the answer unknown, never `missing`: the
/// reader may well have it set.
enum ToolPathVariable: Equatable {
    /// The path with its variable's value in place.
    case expanded(String)
    /// The variable, as written (`$SCRIPTS`), is not set.
    case unset(String)

    /// Nil when the path does not start with a variable or `~/`.
    static func expand(_ tool: String, environment: [String: String]) -> ToolPathVariable? {
        if tool.hasPrefix("~/") {
            guard let home = environment["HOME"], !home.isEmpty else { return .unset("~ (HOME)") }
            return .expanded(home + tool.dropFirst())
        }
        guard tool.hasPrefix("$"), let slash = tool.firstIndex(of: "/") else { return nil }
        var name = tool[tool.index(after: tool.startIndex)..<slash]
        let written = String(tool[..<slash])
        if name.hasPrefix("{") && name.hasSuffix("}") { name = name.dropFirst().dropLast() }
        guard !name.isEmpty, name.allSatisfy({ $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        guard let value = environment[String(name)], !value.isEmpty else { return .unset(written) }
        return .expanded(value + tool[slash...])
    }
}
