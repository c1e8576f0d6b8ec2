import RunbookKit
import Testing

/// Sections that only say where to get help are contacts; anything a reader must do,
/// or a long text about support, stays steps.
@Suite struct ContactSectionTests {
    func load(_ markdown: String, options: LoaderOptions = LoaderOptions()) throws -> Runbook {
        try RunbookLoader.parse(markdown, file: "rb.md", options: options)
    }

    @Test func helpHeadingsWithPointersAreContacts() throws {
        let rb = try load("""
            # DB down
            ## Mitigation
            1. Fail over.
            ## Escalation
            Ask in `#db-oncall` or write to dba@corp.example.
            ## Getting urgent support
            The vendor answers within 30 minutes.

            Request support here: <https://support.vendor.example/new>.
            """)
        #expect(rb.steps.map(\.title) == ["Fail over."])
        #expect(rb.contacts.map(\.heading) == ["Escalation", "Getting urgent support"])
        #expect(rb.contacts[1].links.map(\.url) == ["https://support.vendor.example/new"])
        #expect(rb.contacts[0].text == "Ask in `#db-oncall` or write to dba@corp.example.")
    }

    @Test func aSectionOfOnlyChannelsAndPeopleIsContactsWhateverItsHeading() throws {
        let rb = try load("# T\n## Fix\nRestart it.\n## Who knows this service\n- #team-payments\n- @alice or [Bob](mailto:bob@corp.example)\n")
        #expect(rb.contacts.map(\.heading) == ["Who knows this service"])
        #expect(rb.steps.map(\.title) == ["Fix"])
    }

    @Test(arguments: [
        "## Escalation\nPage the DBA:\n\n```sh\npd trigger --service db\n```\n",
        "## Escalation\n1. Open a ticket at [the portal](https://support.example/new).\n2. Call the vendor.\n",
        "## Escalation\nIf nothing helps, wait for the morning.\n",
        "## Escalation\nPage [#dba](https://corp.slack.com/archives/C1).\n<!-- coldread\nscopes: [pagerduty:trigger]\n-->\n",
        "## Mitigation\nAsk in #db-oncall, then restart the primary.\n\nCheck the graphs.\n",
        "## Language support\nAlerts go out only for [pages in English](https://github.com/org/app/blob/main/alerts.rb).\n",
        "## Getting access to Sentry\nYour tech lead adds you in the Sentry UI and records it in the user reviewer. Once you accept the invite, sign in with your Google account. We have one `#developers` team.\n",
    ])
    func sectionsWithSomethingToDoStaySteps(section: String) throws {
        let rb = try load("# T\n" + section)
        #expect(rb.contacts.isEmpty)
        #expect(rb.steps.count >= 1)
    }

    @Test func longProseAboutSupportIsNotAContact() throws {
        let prose = Array(repeating: "Support engineers rotate weekly and keep the queue below twenty tickets.", count: 12).joined(separator: " ")
        let rb = try load("# T\n## Support\n\(prose) Ask in #support.\n")
        #expect(rb.contacts.isEmpty)
        #expect(rb.steps.map(\.title) == ["Support"])
    }

    @Test func contactHeadingWordsAreConfigurable() throws {
        let text = "# T\n## Rescue\nSee [the wiki](https://wiki.example/rescue).\n## Support\nSee [the portal](https://support.example).\n"
        let configured = try load(text, options: LoaderOptions(contactSections: ["rescue"]))
        #expect(configured.contacts.map(\.heading) == ["Rescue"])
        #expect(configured.steps.map(\.title) == ["Support"])
        let defaults = try load(text)
        #expect(defaults.contacts.map(\.heading) == ["Support"])
    }

    @Test func yamlRunbooksDeclareContacts() throws {
        let rb = try RunbookLoader.parse("steps: [Look]\ncontacts: {Escalation: \"#db-oncall\"}\n", file: "gen.yaml")
        #expect(rb.contacts == [BriefingSection(heading: "Escalation", text: "#db-oncall")])
    }
}
