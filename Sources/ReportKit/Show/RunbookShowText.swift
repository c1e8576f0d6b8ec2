import RunbookKit

/// `coldread show`'s text: per runbook its declarations, briefing and contacts, then
/// each step with its `file:line:column`, section and title, and what it holds, each
/// with the line it came from. Control characters in runbook text are shown escaped, so
/// no title can forge a line of its own.
public enum RunbookShowText {
    public static func render(_ runbooks: [Runbook]) -> String {
        runbooks.map(render).joined(separator: "\n")
    }

    static func render(_ runbook: Runbook) -> String {
        var lines = ["\(runbook.path):\(runbook.location.line): \(clean(runbook.id)): \(clean(runbook.title))"]
        lines += declarations(runbook).map { "  " + $0 }
        lines += sections("briefing", runbook.briefing)
        lines += sections("contacts", runbook.contacts)
        lines.append("  steps: \(runbook.steps.count)")
        for step in runbook.steps {
            lines += render(step, path: runbook.path)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func declarations(_ runbook: Runbook) -> [String] {
        var out: [String] = []
        if let owner = runbook.owner { out.append("owner: \(clean(owner))") }
        if let rotation = runbook.rotation { out.append("rotation: \(clean(rotation))") }
        if let service = runbook.service { out.append("service: \(clean(service))") }
        if let budget = runbook.budgetSeconds { out.append("budget: \(budgetText(budget))") }
        if !runbook.bundle.isEmpty { out.append("bundle: \(runbook.bundle.map(clean).joined(separator: ", "))") }
        return out
    }

    private static func sections(_ name: String, _ sections: [BriefingSection]) -> [String] {
        guard !sections.isEmpty else { return [] }
        return ["  \(name):"] + sections.flatMap { section in
            ["    \(clean(section.heading))"] + section.links.map { "      link \(link($0))" }
        }
    }

    private static func render(_ step: Step, path: String) -> [String] {
        var out = ["  \(step.index). \(path):\(step.location.line):\(step.location.column) [\(clean(step.section))] \(clean(step.title))"]
        out += step.tools.map { "      tool \(clean($0.name)) (line \($0.location.line))" }
        out += step.links.map { "      link \(link($0))" }
        out += step.scopes.map { "      scope \(clean($0.name)) (line \($0.location.line))" }
        if step.scopesDeclared && step.scopes.isEmpty { out.append("      scopes: none needed") }
        if let glass = step.breakGlass {
            let what = [glass.scope.map { "scope \(clean($0.name))" }, glass.url.map(clean)].compactMap { $0 }.joined(separator: ", ")
            out.append("      break-glass \(what) (line \(glass.location.line))")
        }
        if !step.restores.isEmpty { out.append("      restores \(step.restores.map(clean).joined(separator: ", "))") }
        out += step.probes.map { "      probe \(clean($0.argv.joined(separator: " "))) (line \($0.location.line))" }
        if let rotation = step.rotation { out.append("      rotation \(clean(rotation))") }
        return out
    }

    /// A budget as an author writes it (`30m`, `2h`), else hours, minutes and seconds.
    private static func budgetText(_ seconds: Int) -> String {
        if seconds > 0 && seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds > 0 && seconds % 60 == 0 { return "\(seconds / 60)m" }
        return formatDuration(seconds: seconds)
    }

    private static func link(_ link: Link) -> String {
        "\(clean(link.url)) (line \(link.location.line))"
    }

    /// Control characters written as `\u{…}` escapes: a runbook's text stays on its line.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
