import Foundation
import ReportKit
import RunbookKit
import Testing

/// `coldread show`'s JSON and text, from a runbook read by the real loader.
@Suite struct RunbookViewTests {
    static let markdown = """
        ---
        owner: payments
        rotation: sre-primary
        budget: 2h
        bundle: [prompt, tools]
        ---
        # Checkout down

        ## Meaning
        The [checkout](https://status.example/checkout) fails.

        ## Fix
        1. Roll back with `kubectl rollout undo deployment/checkout`.
           <!-- coldread
           scopes: [k8s:rollout:checkout]
           break_glass: {scope: break-glass:deploy, url: https://deploy.example/bg}
           restores: [prompt]
           probes: ["kubectl auth can-i patch deployment/checkout"]
           rotation: payments-oncall
           -->
        2. Read the [logs](https://logs.example/q). <!-- coldread scopes: [] -->

        ## Escalation
        Ask in `#payments`.
        """

    static func runbook() throws -> Runbook {
        try RunbookLoader.parse(markdown, file: "Runbooks/checkout.md", options: LoaderOptions(extraTools: []))
    }

    @Test func jsonHasEveryFieldInSnakeCase() throws {
        let json = RunbookView.json([try Self.runbook()])
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let runbook = try #require((doc["runbooks"] as? [[String: Any]])?.first)
        #expect(runbook["budget_seconds"] as? Int == 7200)
        #expect(runbook["bundle"] as? [String] == ["prompt", "tools"])
        #expect(runbook["line"] as? Int == 7)
        #expect((runbook["contacts"] as? [[String: Any]])?.first?["heading"] as? String == "Escalation")
        let briefingLink = (runbook["briefing"] as? [[String: Any]])?.first.flatMap { $0["links"] as? [[String: Any]] }?.first
        #expect(briefingLink?["line"] as? Int == 10)
        let steps = try #require(runbook["steps"] as? [[String: Any]])
        #expect(steps.count == 2)
        let first = steps[0]
        #expect(first["line"] as? Int == 13 && first["column"] as? Int == 1)
        #expect((first["tools"] as? [[String: Any]])?.first?["line"] as? Int == 13)
        #expect((first["scopes"] as? [[String: Any]])?.first?["name"] as? String == "k8s:rollout:checkout")
        #expect((first["break_glass"] as? [String: Any])?["url"] as? String == "https://deploy.example/bg")
        #expect((first["probes"] as? [[String: Any]])?.first?["argv"] as? [String] == ["kubectl", "auth", "can-i", "patch", "deployment/checkout"])
        #expect(first["rotation"] as? String == "payments-oncall")
        #expect(steps[1]["scopes_declared"] as? Bool == true && steps[1]["break_glass"] == nil)
        #expect(!json.contains("\\/"))
    }

    @Test func textNamesEachStepsPlaceAndWhatItHolds() throws {
        let text = RunbookShowText.render([try Self.runbook()])
        #expect(text == """
            Runbooks/checkout.md:7: Runbooks/checkout: Checkout down
              owner: payments
              rotation: sre-primary
              budget: 2h
              bundle: prompt, tools
              briefing:
                Meaning
                  link https://status.example/checkout (line 10)
              contacts:
                Escalation
              steps: 2
              1. Runbooks/checkout.md:13:1 [Fix] Roll back with kubectl rollout undo deployment/checkout.
                  tool kubectl (line 13)
                  scope k8s:rollout:checkout (line 15)
                  break-glass scope break-glass:deploy, https://deploy.example/bg (line 16)
                  restores prompt
                  probe kubectl auth can-i patch deployment/checkout (line 18)
                  rotation payments-oncall
              2. Runbooks/checkout.md:21:1 [Fix] Read the logs.
                  link https://logs.example/q (line 21)
                  scopes: none needed

            """)
    }

    @Test func controlCharactersCannotForgeALine() throws {
        var runbook = try Self.runbook()
        runbook.steps[0].title = "Roll back\nRunbooks/x.md:1:1 [Fix] forged"
        let text = RunbookShowText.render([runbook])
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("Runbooks/x.md") })
        #expect(text.contains("Roll back\\u{a}Runbooks/x.md"))
    }
}
