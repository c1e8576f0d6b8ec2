import Foundation
import RunbookKit

/// The readable table `coldread probe` prints: one block per runbook, one group per step,
/// one line per probe with its outcome and evidence.
public enum ProbeTable {
    public static func render(_ report: [(Runbook, [ProbeResult])]) -> String {
        var out = ""
        var total = 0
        var blocked = 0
        for (runbook, results) in report {
            out += "\(runbook.id): \(runbook.title) (\(runbook.path))\n"
            var titles = Dictionary(runbook.steps.map { ($0.index, $0.title) }, uniquingKeysWith: { a, _ in a })
            titles[ProbeResult.briefingStep] = "briefing"
            var lastStep = 0
            for result in results {
                if result.step != lastStep {
                    lastStep = result.step
                    out += "  step \(result.step): \(clip(titles[result.step] ?? "", 70))\n"
                }
                total += 1
                if result.outcome.blocks { blocked += 1 }
                let mark = result.outcome.blocks ? "BLOCKED" : result.outcome.isInconclusive ? "?      " : "       "
                let kind = result.kind.rawValue + (result.breakGlass == true ? "*" : "")
                out += "    \(mark) \(pad(kind, 8)) \(pad(result.outcome.rawValue, 13)) \(result.subject)"
                let detail = evidence(result)
                if !detail.isEmpty { out += "  (\(detail))" }
                out += "\n"
            }
            if results.isEmpty { out += "  nothing to probe\n" }
        }
        if report.contains(where: { $0.1.contains { $0.breakGlass == true } }) {
            out += "* the step's break-glass path\n"
        }
        out += "\(total) probes, \(blocked) blocked\n"
        return out
    }

    public static func evidence(_ r: ProbeResult) -> String {
        var parts: [String] = []
        switch r.kind {
        case .link:
            if let chain = r.statusChain, !chain.isEmpty { parts.append(chain.map(String.init).joined(separator: " → ")) }
            if let final = r.finalURL, final != r.url { parts.append("→ \(shortURL(final))") }
            if let scheme = r.wwwAuthenticate { parts.append("WWW-Authenticate: \(scheme)") }
            if let ms = r.ms { parts.append("\(ms) ms") }
        case .scope:
            if let missing = r.missingMembers, !missing.isEmpty { parts.append("not held by " + missing.joined(separator: ", ")) }
        case .tool:
            if let path = r.path { parts.append(path) }
        case .command:
            if let code = r.exitCode { parts.append("exit \(code)") }
            if let tail = r.stderrTail { parts.append("stderr: " + tail.split(separator: "\n").joined(separator: " | ")) }
        }
        if let reason = r.reason { parts.append(reason) }
        return parts.joined(separator: "; ")
    }

    /// A long URL without its query, which for a sign-in is an opaque SAML or OAuth blob.
    private static func shortURL(_ url: String) -> String {
        guard url.count > 80, let query = url.firstIndex(of: "?") else { return url }
        return String(url[..<query]) + "?…"
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private static func clip(_ s: String, _ width: Int) -> String {
        let line = s.split(separator: "\n").first.map(String.init) ?? ""
        return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }
}

/// A one-line progress counter, drawn by the command on stderr only when stderr is a
/// terminal, so pipes and CI logs stay clean.
public struct ProbeProgress: Sendable {
    /// Writes the counter's text as it is (terminal controls included); nil draws nothing.
    public let draw: (@Sendable (String) -> Void)?
    /// Probes the run will answer in all.
    public let total: Int

    public init(draw: (@Sendable (String) -> Void)?, total: Int) {
        (self.draw, self.total) = (draw, total)
    }

    /// Writes to stderr as it is, without a newline: the counter redraws its own line.
    public static let terminal: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    /// Redraws the line at every hundredth of the run (and at its end), not on every
    /// answer: ten thousand links would otherwise mean ten thousand terminal writes.
    public func update(answered: Int) {
        guard let draw else { return }
        let step = max(1, total / 100)
        guard answered == 0 || answered == total || answered % step == 0 else { return }
        draw("\r\u{1B}[2Kprobing: \(answered) of \(total) probes answered")
    }

    public func end() {
        draw?("\r\u{1B}[2K")
    }
}
