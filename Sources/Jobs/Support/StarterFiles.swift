/// The files `coldread init` writes: a small but complete directory, one annotated
/// runbook that shows every declaration, and a scenario that drills it in a sandbox.
public enum StarterFiles {
    public struct File: Sendable {
        public var path: String
        public var contents: String
    }

    public static let all: [File] = [directory, runbook, scenario]

    public static let directory = File(path: "coldread.yaml", contents: """
        # Who is paged, which groups hold which scopes, and what counts as central
        # observability. `coldread lint` checks every runbook step against this.
        rotations:
          primary:
            members: [alex, blair]
        groups:
          sre: [alex, blair]
          payments: [casey]
        grants:
          "grafana:read": [sre, payments]
          "k8s:rollout:payments": [payments]
          "break-glass:payments-rollback": [sre]
        federation:
          central: [grafana.example.com]
        sso:
          login_hosts: [sso.example.com]
        tools: []
        cadence:
          default: quarterly
          after_gap: monthly
          clean_runs_to_recover: 2
          slot: {weekday: tuesday, time: "14:00", timezone: UTC}

        """)

    public static let runbook = File(path: "Runbooks/payments-errors.md", contents: """
        ---
        id: payments-errors
        owner: payments
        rotation: primary
        budget: 20m
        ---

        # Payments API error rate high

        ## Meaning

        More than 2% of payment requests fail for five minutes.

        ## Steps

        1. Open the [payments dashboard](https://grafana.example.com/d/payments) and
           find when the errors started.
           <!-- coldread
           scopes: [grafana:read]
           -->

        2. Roll back the last deploy:

           ```sh
           kubectl -n payments rollout undo deployment/payments-api
           ```
           <!-- coldread
           scopes: [k8s:rollout:payments]
           break_glass: {scope: "break-glass:payments-rollback", url: "https://deploy.example.com/break-glass/payments"}
           -->

        """)

    public static let scenario = File(path: "Drills/payments-errors.yaml", contents: """
        id: payments-errors-drill
        title: Payments failing after a deploy
        runbook: ../Runbooks/payments-errors.md
        briefing: |
          You were paged: payments error rate is 7%. Walk the runbook cold.
        clock: "14:05"
        budget: 20m
        signals:
          - alert: PaymentsErrorRateHigh
            severity: critical
        injects:
          - {at: 5m, text: "Finance asks for an ETA."}
        sandbox:
          services:
            grafana.example.com: ok
            deploy.example.com: ok

        """)
}
