/// A problem found while loading a runbook, scenario or directory. It always names
/// where (`file:line:column`), what was expected and what was found, and may carry a hint.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var expected: String
    public var found: String
    public var hint: String?

    public init(_ location: SourceLocation, expected: String, found: String, hint: String? = nil) {
        self.location = location
        self.expected = expected
        self.found = found
        self.hint = hint
    }

    /// The message without location: "expected X, found Y".
    public var message: String { "expected \(expected), found \(found)" }

    /// One line: `file:line:col: error: expected …, found … (hint: …)`.
    public var description: String {
        var line = "\(location): error: \(message)"
        if let hint { line += " (hint: \(hint))" }
        return line
    }
}

/// Every error found in one file: a file loads whole or not at all.
public struct LoadErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [LoadError]

    public init(_ errors: [LoadError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Gathers errors while a loader keeps going, so one run reports every problem.
final class ErrorSink {
    private(set) var errors: [LoadError] = []

    func add(_ error: LoadError) { errors.append(error) }

    func add(_ location: SourceLocation, expected: String, found: String, hint: String? = nil) {
        errors.append(LoadError(location, expected: expected, found: found, hint: hint))
    }

    /// Throws everything gathered, if anything was.
    func throwIfAny() throws(LoadErrors) {
        if !errors.isEmpty { throw LoadErrors(errors) }
    }
}
