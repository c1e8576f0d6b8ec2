import DrillKit
import Foundation
import RunbookKit
import TerminalUI

/// The bundled example drill (Runbooks/agent-wrong-answers.md with
/// Drills/wrong-answers-0217.yaml) at the moments the golden frames capture.
enum FrameScenes {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static func load() throws -> (Runbook, Scenario) {
        let runbook = try RunbookLoader.load(packageRoot + "/Runbooks/agent-wrong-answers.md",
                                             options: LoaderOptions(contextSections: Directory.defaultContextSections, extraTools: ["promptctl"]))
        let scenario = try ScenarioLoader.load(packageRoot + "/Drills/wrong-answers-0217.yaml").scenario
        return (runbook, scenario)
    }

    static func context(reader: String = "ben", cold: Bool = true, readerKnown: Bool = true) throws -> DrillContext {
        let (runbook, scenario) = try load()
        let runId = "20261125T021700Z-agent-wrong-answers-ab12"
        return DrillContext(runbook: runbook, scenario: scenario, reader: reader, readerKnown: readerKnown, cold: cold,
                            runId: runId, runFolder: "Drills/runs/" + runId)
    }

    /// A reducer on a manual clock, and a state driven through actions.
    struct Driver {
        let clock = ManualClock()
        let reducer: DrillReducer
        var state: DrillState
        init(_ context: DrillContext) {
            reducer = DrillReducer(timeline: RunTimeline(clock: clock))
            state = DrillState(context: context)
        }
        mutating func send(_ action: DrillAction, afterMs: Int = 0) {
            clock.advance(ms: afterMs)
            _ = reducer.reduce(&state, action, at: reducer.timeline.stamp())
        }
    }

    static func briefing(reader: String = "ben", cold: Bool = true, readerKnown: Bool = true) throws -> DrillState {
        Driver(try context(reader: reader, cold: cold, readerKnown: readerKnown)).state
    }

    /// Step 3 with a mix of badges: a link that hits an SSO wall on step 1, a scope not
    /// held and one held, a missing tool, a break-glass link still probing, a banner.
    static func stepDetail() throws -> DrillState {
        var driver = Driver(try context())
        driver.send(.start, afterMs: 2_000)
        let results = [
            ProbeResult(kind: .link, step: 1, outcome: .ssoWall, url: "https://traces.ai-platform.corp.example/answerbot?window=1h", ms: 40),
            ProbeResult(kind: .scope, step: 1, outcome: .notHeld, scope: "traces:read", missingMembers: ["ben"]),
            ProbeResult(kind: .link, step: 2, outcome: .ok, url: "https://grafana.corp.example/explore?datasource=prompt-logs&service=answerbot", ms: 12),
            ProbeResult(kind: .scope, step: 2, outcome: .notHeld, scope: "prompt-logs:read", missingMembers: ["ben"]),
            ProbeResult(kind: .scope, step: 2, outcome: .held, scope: "grafana:read"),
            ProbeResult(kind: .scope, step: 3, outcome: .notHeld, scope: "prompt-registry:rollback", missingMembers: ["ben"]),
            ProbeResult(kind: .scope, step: 3, outcome: .held, scope: "break-glass:prompt-rollback"),
            ProbeResult(kind: .tool, step: 3, outcome: .missing, tool: "promptctl"),
            ProbeResult(kind: .scope, step: 4, outcome: .unknown, scope: "grafana:read", reason: "SCIM did not answer"),
        ]
        for result in results { driver.send(.probeResult(result), afterMs: 100) }
        driver.send(.beginBlocked, afterMs: 61_000)
        driver.send(.pickReason(.ssoWall))
        driver.send(.typeText("Okta loop, no trace access"))
        driver.send(.submitText)
        driver.send(.markDone, afterMs: 95_000)
        driver.send(.beginNote, afterMs: 10_000)
        driver.send(.typeText("asked in #ai-platform"))
        driver.send(.submitText)
        driver.send(.tick, afterMs: 12_000)
        return driver.state
    }

    static func reasonPicker() throws -> DrillState {
        var driver = Driver(try context())
        driver.state = try stepDetail()
        driver.send(.beginBlocked)
        driver.send(.pickerMove(by: 1))
        return driver.state
    }

    static func summary() throws -> DrillState {
        var driver = Driver(try context())
        driver.send(.start, afterMs: 2_000)
        driver.send(.beginBlocked, afterMs: 300_000)
        driver.send(.pickReason(.ssoWall))
        driver.send(.typeText("Okta loop"))
        driver.send(.submitText)
        driver.send(.markDone, afterMs: 400_000)
        driver.send(.beginBlocked, afterMs: 900_000)
        driver.send(.pickReason(.noPermission))
        driver.send(.submitText)
        driver.send(.markDone, afterMs: 600_000)
        return driver.state
    }
}
