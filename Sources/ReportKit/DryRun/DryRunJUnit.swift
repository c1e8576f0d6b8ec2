import RunbookKit

/// JUnit XML for a dry-run: one `<testsuite>` per runbook, one `<testcase>` per step
/// (a blocked step is a failure naming the step, the URL or subject and the outcome),
/// one `lint` testcase per runbook, and an `<error>` for a runbook that failed to load.
/// Every testcase carries `file` (and a step's `line`) and the classname `coldread.<runbook>`.
/// CI systems (GitHub Actions, GitLab, Jenkins) show these as test results.
public enum DryRunJUnit {
    public static func render(_ runbooks: [RunbookDryRun], timestamp: String) -> String {
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0, totalErrors = 0, totalSkipped = 0
        var totalMs = 0
        for rb in runbooks {
            var cases: [String] = []
            var failures = 0, errors = 0, skipped = 0
            if !rb.loadErrors.isEmpty {
                errors += 1
                let message = rb.loadErrors.map(\.description).joined(separator: "\n")
                cases.append("""
                    <testcase classname="\(Markup.escape(classname(rb)))" name="load" file="\(Markup.escape(rb.path))">
                      <error message="\(Markup.escape(rb.loadErrors[0].description))" type="load-error">\(Markup.escape(message))</error>
                    </testcase>
                """)
            } else {
                let lint = rb.lintErrors
                if lint.isEmpty {
                    cases.append("    <testcase classname=\"\(Markup.escape(classname(rb)))\" name=\"lint\" file=\"\(Markup.escape(rb.path))\"/>")
                } else {
                    failures += 1
                    let body = lint.map { "\($0.location): \($0.message) [\($0.rule.rawValue)]" }.joined(separator: "\n")
                    cases.append("""
                        <testcase classname="\(Markup.escape(classname(rb)))" name="lint" file="\(Markup.escape(rb.path))">
                          <failure message="\(lint.count) lint error\(lint.count == 1 ? "" : "s")" type="\(Markup.escape(lint[0].rule.rawValue))">\(Markup.escape(body))</failure>
                        </testcase>
                    """)
                }
                for step in rb.steps {
                    let (testcase, verdict) = stepCase(step, of: rb)
                    cases.append(testcase)
                    if verdict == .failed { failures += 1 } else if verdict == .skipped { skipped += 1 }
                }
            }
            let tests = cases.count
            totalTests += tests
            totalFailures += failures
            totalErrors += errors
            totalSkipped += skipped
            totalMs += rb.timeMs
            suites.append("""
                  <testsuite name="\(Markup.escape(rb.id))" tests="\(tests)" failures="\(failures)" errors="\(errors)" skipped="\(skipped)" time="\(seconds(rb.timeMs))" timestamp="\(Markup.escape(timestamp))" file="\(Markup.escape(rb.path))">
                \(cases.joined(separator: "\n"))
                  </testsuite>
                """)
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="coldread dry-run" tests="\(totalTests)" failures="\(totalFailures)" errors="\(totalErrors)" skipped="\(totalSkipped)" time="\(seconds(totalMs))">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    private enum Verdict { case passed, failed, skipped }

    /// `coldread.<runbook id>`, as the drill report's JUnit names it, so GitLab groups a
    /// runbook's cases the same way whichever command wrote them.
    static func classname(_ rb: RunbookDryRun) -> String { "coldread." + rb.id }

    /// One step's testcase: a failure naming what stops the reader; skipped when a probe
    /// concluded nothing (`unknown`, `unchecked`), which is never a pass; else passed.
    private static func stepCase(_ step: RunbookDryRun.StepOutcome, of rb: RunbookDryRun) -> (String, Verdict) {
        let name = "step \(step.index): \(step.title)"
        let ms = step.timeMs
        let head = "    <testcase classname=\"\(Markup.escape(classname(rb)))\" name=\"\(Markup.escape(name))\" file=\"\(Markup.escape(rb.path))\" line=\"\(step.location.line)\" time=\"\(seconds(ms))\""
        if let first = step.blocking.first {
            let message = "\(first.outcome.rawValue): \(first.subject)"
            let body = step.blocking.map(describe).joined(separator: "\n")
            return (head + ">\n      <failure message=\"\(Markup.escape(message))\" type=\"\(first.outcome.rawValue)\">\(Markup.escape(body))</failure>\n    </testcase>", .failed)
        }
        if let open = step.inconclusive.first {
            let body = step.inconclusive.map(describe).joined(separator: "\n")
            return (head + ">\n      <skipped message=\"\(Markup.escape("\(open.outcome.rawValue): \(open.subject)"))\"/>\n      <system-out>\(Markup.escape(body))</system-out>\n    </testcase>", .skipped)
        }
        return (head + "/>", .passed)
    }

    /// One line of evidence: what was probed, the outcome, and for links the chain.
    public static func describe(_ r: ProbeResult) -> String {
        var line = "step \(r.step) \(r.kind.rawValue) \(r.subject): \(r.outcome.rawValue)"
        if let chain = r.statusChain, !chain.isEmpty { line += " (status \(chain.map(String.init).joined(separator: " → ")))" }
        if let final = r.finalURL, final != r.url { line += " final URL \(final)" }
        if let missing = r.missingMembers, !missing.isEmpty { line += " (lacking: \(missing.joined(separator: ", ")))" }
        if let reason = r.reason { line += " — \(reason)" }
        return line
    }

    static func seconds(_ ms: Int) -> String {
        let s = Double(ms) / 1000
        return String(Int(s)) + "." + String(format3(ms % 1000))
    }

    private static func format3(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 3 - s.count)) + s
    }
}
