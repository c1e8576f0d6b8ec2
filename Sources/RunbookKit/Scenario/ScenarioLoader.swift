import Foundation

/// Loads `Drills/*.yaml` scenarios. The runbook path is resolved relative to the
/// scenario file and must exist.
public enum ScenarioLoader {
    /// Loads the scenario and, when it has `sandbox.directory`, the directory with those
    /// overrides applied on top of `directory`.
    public static func load(_ path: String, directory: Directory? = nil) throws(LoadErrors) -> (scenario: Scenario, directory: Directory?) {
        let (text, _) = try SourceText.read(path)
        return try parse(text, file: path, directory: directory)
    }

    public static func parse(_ text: String, file: String, directory: Directory? = nil) throws(LoadErrors) -> (scenario: Scenario, directory: Directory?) {
        let sink = ErrorSink()
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var scenario = Scenario(id: stem, title: stem, path: file, runbookPath: "",
                                runbookLocation: SourceLocation(file: file, line: 1))
        var resultDirectory = directory
        if let root = YAMLText.parse(text, file: file, sink: sink), let pairs = root.mapping(sink, expected: "a scenario mapping") {
            for (key, kl, v) in pairs {
                read(key: key, at: kl, value: v, file: file, into: &scenario, directory: &resultDirectory, sink)
            }
            if !pairs.contains(where: { $0.key == "runbook" }) {
                sink.add(root.location, expected: "a 'runbook:' path", found: "none", hint: "name the runbook this scenario drills")
            }
        }
        try sink.throwIfAny()
        return (scenario, resultDirectory)
    }

    /// One top-level key of a scenario.
    private static func read(key: String, at kl: SourceLocation, value v: YAMLValue, file: String,
                             into scenario: inout Scenario, directory: inout Directory?, _ sink: ErrorSink) {
        switch key {
        case "id": scenario.id = v.string(sink) ?? scenario.id
        case "title": scenario.title = v.string(sink) ?? scenario.title
        case "runbook": runbook(v, file: file, into: &scenario, sink)
        case "briefing": scenario.briefing = v.string(sink) ?? ""
        case "clock": if v.clockTime(sink, what: "a simulated clock") != nil { scenario.clock = v.string(sink) }
        case "budget": scenario.budgetSeconds = v.durationSeconds(sink, what: "budget")
        case "signals": scenario.signals = signals(v, sink)
        case "injects": scenario.injects = injects(v, sink)
        case "expect": expectation(v, sink, into: &scenario)
        case "sandbox": scenario.sandbox = SandboxReading.sandbox(v, sink, directory: &directory)
        default:
            sink.add(kl, expected: "one of id, title, runbook, briefing, clock, budget, signals, injects, expect, sandbox",
                     found: "'\(key)'")
        }
    }

    /// `runbook:`, relative to the scenario file; the file must exist.
    private static func runbook(_ v: YAMLValue, file: String, into scenario: inout Scenario, _ sink: ErrorSink) {
        guard let rel = v.string(sink, expected: "a path to a runbook") else { return }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let resolved = rel.hasPrefix("/") ? rel : base.appendingPathComponent(rel).standardizedFileURL.path
        scenario.runbookPath = relativeToCurrentDirectory(resolved)
        scenario.runbookLocation = v.location
        if !FileManager.default.fileExists(atPath: resolved) {
            sink.add(v.location, expected: "an existing runbook file", found: "'\(rel)' (no such file)",
                     hint: "the path is relative to the scenario file")
        }
    }

    /// `expect: {resolved_by_step: N}`; whether N is one of the runbook's steps is
    /// checked once the runbook is loaded (`Scenario.stepProblems`).
    static func expectation(_ v: YAMLValue, _ sink: ErrorSink, into scenario: inout Scenario) {
        for (k, l, x) in v.mapping(sink) ?? [] {
            guard k == "resolved_by_step" else {
                sink.add(l, expected: "resolved_by_step", found: "'\(k)'")
                continue
            }
            scenario.resolvedByStep = x.int(sink, in: 1...Int(Int32.max), what: "resolved_by_step")
            scenario.resolvedByStepLocation = x.location
        }
    }

    static func signals(_ v: YAMLValue, _ sink: ErrorSink) -> [Signal] {
        var out: [Signal] = []
        for (i, item) in (v.sequence(sink, expected: "a list of signals") ?? []).enumerated() {
            switch item.node {
            case .scalar: out.append(Signal(name: "signal \(i + 1)", lines: [item.string(sink) ?? ""]))
            case .mapping:
                var name = "signal \(i + 1)"
                var lines: [String] = []
                for (k, _, x) in item.mapping(sink) ?? [] {
                    let text = flatten(x)
                    if k == "alert" || k == "name" || k == "title" { name = text }
                    lines.append("\(k): \(text)")
                }
                out.append(Signal(name: name, lines: lines))
            default: sink.add(item.location, expected: "a signal (text or mapping)", found: item.kindDescription)
            }
        }
        return out
    }

    private static func flatten(_ v: YAMLValue) -> String {
        switch v.node {
        case .scalar(let s): return s.string
        case .sequence(let seq): return seq.map { flatten(v.child($0)) }.joined(separator: ", ")
        case .mapping(let m): return m.map { "\($0.key.string ?? ""): \(flatten(v.child($0.value)))" }.joined(separator: ", ")
        case .alias: return ""
        }
    }

    static func injects(_ v: YAMLValue, _ sink: ErrorSink) -> [Inject] {
        var out: [Inject] = []
        for item in v.sequence(sink, expected: "a list of injects") ?? [] {
            var trigger: Inject.Trigger?
            var triggerLocation: SourceLocation?
            var text: String?
            for (k, l, x) in item.mapping(sink, expected: "{at: 10m, text: …} or {at_step: 3, text: …}") ?? [] {
                switch k {
                case "at":
                    if let s = x.durationSeconds(sink, what: "inject time") { trigger = .afterSeconds(s) }
                    triggerLocation = x.location
                case "at_step":
                    if let n = x.int(sink, in: 1...Int(Int32.max), what: "at_step") { trigger = .atStep(n) }
                    triggerLocation = x.location
                case "text": text = x.string(sink)
                default: sink.add(l, expected: "at, at_step or text", found: "'\(k)'")
                }
            }
            if let trigger, let text { out.append(Inject(trigger: trigger, text: text, location: triggerLocation)) }
            else if case .mapping = item.node, triggerLocation == nil || text == nil {
                // Only a missing key is reported here; a bad value was reported where it stands.
                sink.add(item.location, expected: "an inject with 'text' and one of 'at' or 'at_step'", found: "an incomplete inject")
            }
        }
        return out
    }

    /// Keeps paths short and stable in output when they sit under the working directory.
    static func relativeToCurrentDirectory(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
