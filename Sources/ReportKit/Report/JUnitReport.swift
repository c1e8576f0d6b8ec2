import DrillKit
import RunbookKit

/// The report as JUnit XML, so CI dashboards show a drill or dry-run like a test run:
/// one testcase per step; a blocked step fails, a skipped (or never reached) step is
/// skipped, and so is a step whose probe concluded nothing (unknown is never a pass).
/// In a dry-run a step fails when a probe would stop the reader. Each testcase carries
/// the runbook's `file` and the step's `line`, and `classname` is `coldread.<runbook>`,
/// which GitLab and Jenkins group the cases by.
public enum JUnitReport {
    public static func render(_ report: RunReport) -> String {
        let suiteName = report.runbook?.id ?? report.runId
        var cases: [String] = []
        var failures = 0, skipped = 0
        for step in report.steps {
            let classname = "coldread.\(step.runbookId ?? suiteName)"
            let name = "Step \(step.index): \(step.title)"
            let seconds = seconds(step.timeMs)
            var body = ""
            let blockingProbes = step.probes.filter { $0.outcome.blocks }
            let evidence = step.probes.map(ReportText.evidence) + step.notes.map { "note: \($0)" }
            if step.status == .blocked || (report.kind == .dryRun && !blockingProbes.isEmpty) {
                failures += 1
                let reason = step.blockedReason?.label ?? blockingProbes.first.map { "\($0.kind.rawValue) \($0.outcome.rawValue)" } ?? "blocked"
                let message = step.blockedNote.map { "\(reason): \($0)" } ?? reason
                let type = step.blockedReason?.rawValue ?? blockingProbes.first?.outcome.rawValue ?? "blocked"
                body = "\n      <failure message=\"\(Markup.escape(message))\" type=\"\(Markup.escape(type))\">\(Markup.escape(evidence.joined(separator: "\n")))</failure>\n    "
            } else if let open = step.probes.first(where: { $0.outcome.isInconclusive }) {
                // A probe that concluded nothing is no pass: the step was not fully checked.
                skipped += 1
                let message = "\(open.kind.rawValue) \(open.outcome.rawValue): \(open.subject)"
                body = "\n      <skipped message=\"\(Markup.escape(message))\"/>\n      <system-out>\(Markup.escape(evidence.joined(separator: "\n")))</system-out>\n    "
            } else if step.status == .skipped || step.status == .notReached || (report.kind == .drill && step.status == .inProgress) {
                skipped += 1
                body = "\n      <skipped message=\"\(ReportText.status(step.status))\"/>\n    "
            } else if !evidence.isEmpty {
                body = "\n      <system-out>\(Markup.escape(evidence.joined(separator: "\n")))</system-out>\n    "
            }
            cases.append("    <testcase classname=\"\(Markup.escape(classname))\" name=\"\(Markup.escape(name))\"\(place(of: step, in: report)) time=\"\(seconds)\">\(body)</testcase>")
        }
        let suiteAttributes = [
            "name=\"\(Markup.escape(suiteName))\"", "tests=\"\(report.steps.count)\"", "failures=\"\(failures)\"",
            "errors=\"0\"", "skipped=\"\(skipped)\"", "time=\"\(seconds(report.elapsedMs))\"",
        ] + (report.startedAt.map { ["timestamp=\"\(Markup.escape($0))\""] } ?? [])
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        out.append("<testsuites name=\"coldread \(report.kind.rawValue)\" tests=\"\(report.steps.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds(report.elapsedMs))\">")
        out.append("  <testsuite \(suiteAttributes.joined(separator: " "))>")
        var properties = ["run_id": report.runId, "clean": String(report.clean)]
        if let reader = report.reader { properties["reader"] = reader }
        if let scenario = report.scenario { properties["scenario"] = scenario.id }
        if let cold = report.cold { properties["cold"] = String(cold) }
        out.append("    <properties>")
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            out.append("      <property name=\"\(key)\" value=\"\(Markup.escape(value))\"/>")
        }
        out.append("    </properties>")
        out += cases
        out.append("  </testsuite>")
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

    /// ` file="…" line="…"` where the runbook's path (and the step's line) are known.
    private static func place(of step: StepReport, in report: RunReport) -> String {
        let runbook = step.runbookId.flatMap { id in report.runbooks.first { $0.id == id } } ?? report.runbook
        guard let path = runbook?.path else { return "" }
        return " file=\"\(Markup.escape(path))\"" + (step.line.map { " line=\"\($0)\"" } ?? "")
    }

    private static func seconds(_ ms: Int) -> String {
        "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }
}
