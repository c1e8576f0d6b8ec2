import DrillKit
import Foundation
import RunbookKit
import TerminalUI

/// A runbook whose steps are what real runbooks hold and the bundled example does not: a
/// nested list, a code block, a link with a long URL, and a step longer than any pane.
enum StepPaneScenes {
    static let longURL = "https://grafana.payments.corp.example/d/7Hx2/payments-api-latency?orgId=1&var-cluster=eu-west-1-prod&var-namespace=payments&from=now-6h&to=now&refresh=30s&viewPanel=12"

    static let markdown = """
        # Payments API is down
        owner: payments

        ## Steps

        ### Check the pods

        - Look at the pods of the API:
          - in the `payments` namespace
            - the `api` deployment first
          - then the workers, whose restarts are usually what pages
        - Read the events of the namespace

        ### Restart the deployment

        Run these two commands, in order:

        ```bash
        kubectl -n payments rollout restart deployment/api
        kubectl -n payments rollout status deployment/api --timeout=120s --watch=true --request-timeout=30s
        ```

        Then check the dashboard again.

        ### Open the latency dashboard

        Open the [latency dashboard](\(longURL)) and compare the last hour with yesterday.

        ### Work through the checklist

        \((1...30).map { "\($0). Confirm that check number \($0) of the payments checklist holds, or write down why not." }.joined(separator: "\n"))
        """

    static func context() throws -> DrillContext {
        let runbook = try RunbookLoader.parse(markdown, file: "Runbooks/payments-api-down.md")
        return DrillContext(runbook: runbook, scenario: nil, reader: "ben", readerKnown: true, cold: true,
                            runId: "20261125T021700Z-payments-api-down-cd34", runFolder: "Drills/runs/20261125T021700Z-payments-api-down-cd34")
    }

    /// The drill started and moved to `step`, with its link answered.
    static func atStep(_ step: Int) throws -> FrameScenes.Driver {
        var driver = FrameScenes.Driver(try context())
        driver.send(.start, afterMs: 1_000)
        driver.send(.probeResult(ProbeResult(kind: .link, step: 3, outcome: .ok, url: longURL, ms: 30)))
        driver.send(.moveCursor(by: step - 1), afterMs: 5_000)
        return driver
    }

    /// PgDn pressed until the pane stops moving, as a reader would, at `size`.
    static func scrolledToEnd(_ driver: inout FrameScenes.Driver, size: TerminalSize) -> Int {
        var presses = 0
        while presses < 100 {
            let pane = StepPaneMetrics.of(driver.state, size: size, glyphs: .unicode)
            guard let action = KeyMap.action(for: .pageDown, in: driver.state, pane: pane),
                  action != .scrollDetail(toLine: driver.state.detailScroll) else { break }
            driver.send(action)
            presses += 1
        }
        return presses
    }
}
