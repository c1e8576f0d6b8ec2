import Foundation
import RunbookKit

/// A first scenario for a runbook, for the facilitator to edit: preparing an hour of
/// role-play takes about two hours by hand (issue #18), and most of it is copying what
/// the runbook already says. The draft loads and probes as it is:
/// - the briefing is the runbook's context sections (Meaning, Impact, …);
/// - the alert is the signal, named by the runbook's title;
/// - the clock is 02:17 and the budget the runbook's, else 30m;
/// - one inject placeholder at the first step of each third of the steps;
/// - a sandbox entry (`ok`) for every host the runbook links to, with the other
///   behaviours listed in a comment, so a drill of the draft never reaches the world.
public enum ScenarioDraft {
    public static let defaultBudget = "30m"
    public static let clock = "02:17"

    /// The scenario's YAML. `runbookReference` is the runbook's path as the scenario
    /// names it (relative to the scenario file, or absolute).
    public static func yaml(for runbook: Runbook, runbookReference: String) -> String {
        var lines = [
            "# Drafted by `coldread scenario new` from \(oneLine(runbook.path)). Edit the briefing, signals and injects.",
            "id: \(quoted(draftId(runbook)))",
            "title: \(quoted("Drill: " + runbook.title))",
            "runbook: \(quoted(runbookReference))",
            "briefing: " + block(briefing(runbook)),
            "clock: \(quoted(clock))",
            "budget: \(runbook.budgetSeconds.map { $0 % 60 == 0 ? "\($0 / 60)m" : "\($0)s" } ?? defaultBudget)",
            "signals:",
            "  - alert: \(quoted(alertName(runbook)))",
            "    severity: critical",
            "    summary: \(quoted(runbook.title))",
        ]
        lines += injectLines(stepCount: runbook.steps.count)
        lines += sandboxLines(hosts: hosts(of: runbook))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `<file stem>-drill`.
    static func draftId(_ runbook: Runbook) -> String {
        let stem = URL(fileURLWithPath: runbook.path).deletingPathExtension().lastPathComponent
        return (stem.isEmpty ? runbook.id : stem) + "-drill"
    }

    /// What the page said: the context sections, else a line that asks for one.
    static func briefing(_ runbook: Runbook) -> String {
        let sections = runbook.briefing.map { section in
            section.heading + ": " + section.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return sections.isEmpty ? "You are on call. The alert for \(runbook.title) fired. Walk the runbook as written." : sections.joined(separator: "\n\n")
    }

    /// The title when it is one word (Prometheus alert runbooks are named after the
    /// alert, such as `KubePodCrashLooping`), else the title with its spaces removed.
    static func alertName(_ runbook: Runbook) -> String {
        let title = runbook.title.trimmingCharacters(in: .whitespaces)
        guard title.contains(" ") else { return title.isEmpty ? runbook.id : title }
        return title.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            .filter { $0.isLetter || $0.isNumber }
    }

    /// The first step of each third of the steps: 1, then n/3 + 1, then 2n/3 + 1.
    static func injectSteps(stepCount: Int) -> [Int] {
        guard stepCount > 0 else { return [] }
        var steps: [Int] = []
        for third in 0..<3 {
            let step = 1 + third * stepCount / 3
            if step <= stepCount && !steps.contains(step) { steps.append(step) }
        }
        return steps
    }

    static func injectLines(stepCount: Int) -> [String] {
        let steps = injectSteps(stepCount: stepCount)
        guard !steps.isEmpty else { return ["injects: []"] }
        return ["injects:"] + steps.flatMap { step in
            ["  - at_step: \(step)", "    text: \(quoted("Facilitator, write the twist for step \(step): a second alert, a colleague who does not answer, …"))"]
        }
    }

    /// Every web host the runbook links to, briefing and break-glass paths included.
    static func hosts(of runbook: Runbook) -> [String] {
        let urls = runbook.briefing.flatMap(\.links).map(\.url)
            + runbook.steps.flatMap { $0.links.map(\.url) + ($0.breakGlass?.url.map { [$0] } ?? []) }
        let hosts = urls.compactMap { url -> String? in
            let lowered = url.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
            return URLParts.host(of: url)?.lowercased()
        }
        return Array(Set(hosts.filter(isSandboxHost))).sorted()
    }

    /// A host the sandbox can stand in for: a name a YAML key and a Host header carry.
    static func isSandboxHost(_ host: String) -> Bool {
        !host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
    }

    static func sandboxLines(hosts: [String]) -> [String] {
        guard !hosts.isEmpty else { return [] }
        let behaviours = ServiceBehaviour.allCases.map(\.rawValue).filter { $0 != "ok" }.joined(separator: ", ")
        return [
            "sandbox:",
            "  # Every host the runbook links to answers `ok`. Other behaviours: \(behaviours);",
            "  # or {wall: sso, opens_for: [PERSON or GROUP]} for a service only some people reach.",
            "  services:",
        ] + hosts.map { "    \($0): ok" }
    }

    /// A double-quoted YAML scalar: JSON's string escaping is valid YAML.
    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(oneLine(text))) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }

    /// A literal block scalar, indented two spaces, with the characters YAML forbids dropped.
    static func block(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let kept = line.unicodeScalars.filter { $0 == "\t" || $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
            let clean = String(String.UnicodeScalarView(kept)).replacingOccurrences(of: "\t", with: "    ")
            return clean.trimmingCharacters(in: .whitespaces).isEmpty ? "" : "  " + clean
        }
        return "|-\n" + lines.joined(separator: "\n")
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
