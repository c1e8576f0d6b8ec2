import ChildProcess
import Foundation
import Testing

/// Runs a Python 3 snippet with `input` on stdin and returns its stdout, for checking our
/// output with independent parsers (html.parser, icalendar). Input and output go through
/// temporary files rather than pipes, so no write or read can be cut short by a signal.
enum PythonCheck {
    static func run(_ script: String, input: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        let outcome = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", script], input: input)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }
}
