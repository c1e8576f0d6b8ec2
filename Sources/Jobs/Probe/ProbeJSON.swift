import Dispatch
import RunbookKit
import Synchronization

/// DESIGN.md's JSON: `{"version": 1, "results": [{runbook, kind, step, outcome, …}]}`,
/// compact, keys sorted, slashes unescaped: the bytes JSONEncoder gives with
/// `[.sortedKeys, .withoutEscapingSlashes]` (a test compares the two), written directly
/// because a probe of ten thousand links spent more time in JSONEncoder than in probing.
public enum ProbeJSON {
    /// Each runbook's objects are written on a core of their own and joined in order: the
    /// report is written after the last probe answers, so its time is all added to the run.
    public static func render(_ report: [(Runbook, [ProbeResult])]) -> String {
        let written = Mutex([[UInt8]](repeating: [], count: report.count))
        DispatchQueue.concurrentPerform(iterations: report.count) { index in
            let objects = objects(of: report[index])
            written.withLock { $0[index] = objects }
        }
        let parts = written.withLock { $0 }.filter { !$0.isEmpty }
        var bytes = Array("{\"results\":[".utf8)
        bytes.reserveCapacity(bytes.count + parts.reduce(parts.count + 16) { $0 + $1.count })
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += part
        }
        bytes += "],\"version\":1}".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One runbook's results as JSON objects separated by commas.
    private static func objects(of entry: (runbook: Runbook, results: [ProbeResult])) -> [UInt8] {
        var json = JSONBytes(capacity: entry.results.count * 192)
        for (index, result) in entry.results.enumerated() {
            if index > 0 { json.raw(UInt8(ascii: ",")) }
            self.entry(result, runbook: entry.runbook.id, into: &json)
        }
        return json.bytes
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
