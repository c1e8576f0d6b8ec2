import RunbookKit

/// DESIGN.md's JSON: `{"version": 1, "results": [{runbook, kind, step, outcome, …}]}`,
/// compact, keys sorted, slashes unescaped: the bytes JSONEncoder gives with
/// `[.sortedKeys, .withoutEscapingSlashes]` (a test compares the two), written directly
/// because a probe of ten thousand links spent more time in JSONEncoder than in probing.
public enum ProbeJSON {
    public static func render(_ report: [(Runbook, [ProbeResult])]) -> String {
        var json = JSONBytes(capacity: 64 + report.reduce(0) { $0 + $1.1.count } * 192)
        json.raw("{\"results\":[")
        var firstEntry = true
        for (runbook, results) in report {
            for result in results {
                if !firstEntry { json.raw(UInt8(ascii: ",")) }
                firstEntry = false
                entry(result, runbook: runbook.id, into: &json)
            }
        }
        json.raw("],\"version\":1}")
        return json.text
    }

    /// One result and its runbook's id as one object; absent fields are left out, as
    /// JSONEncoder leaves out nil optionals.
    private static func entry(_ r: ProbeResult, runbook: String, into json: inout JSONBytes) {
        var first = true
        /// Writes `"name":`, after the comma that separates it from the member before.
        func key(_ name: StaticString) {
            json.raw(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            json.raw(UInt8(ascii: "\""))
            json.raw(name)
            json.raw("\":")
        }
        if let argv = r.argv { key("argv"); json.array(argv) { $0.string($1) } }
        if let breakGlass = r.breakGlass { key("break_glass"); json.bool(breakGlass) }
        if let exitCode = r.exitCode { key("exit_code"); json.number(exitCode) }
        if let finalURL = r.finalURL { key("final_url"); json.string(finalURL) }
        key("kind"); json.string(r.kind.rawValue)
        if let missing = r.missingMembers { key("missing_members"); json.array(missing) { $0.string($1) } }
        if let ms = r.ms { key("ms"); json.number(ms) }
        key("outcome"); json.string(r.outcome.rawValue)
        if let path = r.path { key("path"); json.string(path) }
        if let reason = r.reason { key("reason"); json.string(reason) }
        key("runbook"); json.string(runbook)
        if let scope = r.scope { key("scope"); json.string(scope) }
        if let chain = r.statusChain { key("status_chain"); json.array(chain) { $0.number($1) } }
        if let tail = r.stderrTail { key("stderr_tail"); json.string(tail) }
        key("step"); json.number(r.step)
        if let tool = r.tool { key("tool"); json.string(tool) }
        if let url = r.url { key("url"); json.string(url) }
        if let scheme = r.wwwAuthenticate { key("www_authenticate"); json.string(scheme) }
        json.raw(UInt8(ascii: "}"))
    }
}
