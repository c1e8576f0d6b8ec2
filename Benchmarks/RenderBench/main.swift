import DrillKit
import Foundation
import RunbookKit
import TerminalUI

/// Render cost on a 500-step runbook: prints the median and p95 time of one `render` call.
/// An executable rather than a test, so the release build measures it without a second
/// `-enable-testing` build. Run through Benchmarks/drill-render.sh.
enum RenderBenchmark {
    static func generatedRunbook(steps count: Int) -> Runbook {
        let location = SourceLocation(file: "Runbooks/generated.yaml", line: 1)
        let steps = (1...count).map { index in
            Step(index: index, title: "Generated step \(index): check service \(index % 17) and roll it back if needed",
                 body: "Open the dashboard, compare the error rate with the last deploy, and roll back when it is worse.",
                 section: "Steps", location: location,
                 links: [Link(title: "dashboard \(index)", url: "https://grafana.corp.example/d/\(index)", location: location)],
                 scopes: [Scope("k8s:get:svc-\(index % 17)", location: location)],
                 tools: [Tool("kubectl", location: location)])
        }
        return Runbook(id: "generated", title: "Generated 500-step runbook", path: "Runbooks/generated.yaml",
                       budgetSeconds: 3600, steps: steps, location: location)
    }

    static func run() {
        let runbook = Self.generatedRunbook(steps: 500)
        let context = DrillContext(runbook: runbook, scenario: nil, reader: "ben", readerKnown: true, cold: true,
                                   runId: "bench", runFolder: "Drills/runs/bench")
        let clock = ManualClock()
        let reducer = DrillReducer(timeline: RunTimeline(clock: clock))
        var state = DrillState(context: context)
        _ = reducer.reduce(&state, .start, at: reducer.timeline.stamp())
        for index in 1...500 {
            _ = reducer.reduce(&state, .probeResult(ProbeResult(kind: .link, step: index, outcome: index % 5 == 0 ? .ssoWall : .ok,
                                                                url: "https://grafana.corp.example/d/\(index)")), at: reducer.timeline.stamp())
            _ = reducer.reduce(&state, .probeResult(ProbeResult(kind: .scope, step: index, outcome: .held, scope: "k8s:get:svc-\(index % 17)")), at: reducer.timeline.stamp())
        }
        for _ in 1..<250 { _ = reducer.reduce(&state, .markDone, at: reducer.timeline.stamp()) }
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)] {
            var samples: [Double] = []
            for _ in 0..<500 {
                let start = DispatchTime.now().uptimeNanoseconds
                let frame = render(state, size: size)
                let end = DispatchTime.now().uptimeNanoseconds
                precondition(frame.rows.count == size.height, "a frame has one row per terminal line")
                samples.append(Double(end - start) / 1_000_000)
            }
            samples.sort()
            let median = samples[samples.count / 2], p95 = samples[samples.count * 95 / 100]
            print("render \(size.width)x\(size.height), 500 steps, cursor at 250: median \(String(format: "%.3f", median)) ms, p95 \(String(format: "%.3f", p95)) ms")
        }
    }
}

RenderBenchmark.run()
