import Foundation
import RunbookKit
import Testing

/// The one output redaction: what a reader, a CI log or a shared report would otherwise
/// show of a URL's userinfo, a secret query parameter or a configured credential.
@Suite struct RedactionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var redacted: String
        var testDescription: String { text }
    }

    static let urlCases: [Case] = [
        Case(text: "https://ben:hunter2@traces.example/a?window=1h&access_token=sekr3t#x",
             redacted: "https://REDACTED@traces.example/a?window=1h&access_token=REDACTED#x"),
        Case(text: "see https://user:pass@host.example/ now", redacted: "see https://REDACTED@host.example/ now"),
        Case(text: "https://s3.example/o?X-Amz-Credential=AKIA%2F2026%2Fs3&X-Amz-Date=20260101&X-Amz-Signature=ab12&X-Amz-Security-Token=tok",
             redacted: "https://s3.example/o?X-Amz-Credential=REDACTED&X-Amz-Date=20260101&X-Amz-Signature=REDACTED&X-Amz-Security-Token=REDACTED"),
        Case(text: "<a href=\"https://h.example/?a=1&amp;api_key=k3y\">", redacted: "<a href=\"https://h.example/?a=1&amp;api_key=REDACTED\">"),
        Case(text: "https://sso.example/saml?RelayState=https%3A%2F%2Fapp%2Fx%3Ftoken%3DS3CRET%26y%3D1",
             redacted: "https://sso.example/saml?RelayState=https%3A%2F%2Fapp%2Fx%3Ftoken%3DREDACTED%26y%3D1"),
        Case(text: "{\"url\":\"https://h/?code=abc\",\"x\":1}", redacted: "{\"url\":\"https://h/?code=REDACTED\",\"x\":1}"),
        Case(text: "[docs](https://h/p?sig=zz&page=2)", redacted: "[docs](https://h/p?sig=REDACTED&page=2)"),
        Case(text: "https://h/p?refresh_token=r1;id_token=i2", redacted: "https://h/p?refresh_token=REDACTED;id_token=REDACTED"),
    ]

    @Test(arguments: urlCases) func urlSecretsAreRedacted(_ c: Case) {
        #expect(Redaction.standard.apply(c.text) == c.redacted)
    }

    @Test(arguments: [
        "https://grafana.example/d/abc?orgId=1&from=now-1h&keyboard=on",
        "email ana@corp.example, not a URL; key=value in prose stays",
        "step 3: kubectl rollout undo deployment/answerbot -n prod",
        "git@github.com:org/repo.git",
        "https://REDACTED@host/?token=REDACTED",
    ])
    func ordinaryTextIsLeftAlone(_ text: String) {
        #expect(Redaction.standard.apply(text) == text)
    }

    @Test func configuredParameterNamesAndPrefixesAreRedacted() {
        let redaction = Redaction(secretParameters: ["X-Signed-Request", "vendor_*"])
        #expect(redaction.apply("https://h/?x-signed-request=abc&vendor_blob=def&page=2")
            == "https://h/?x-signed-request=REDACTED&vendor_blob=REDACTED&page=2")
        #expect(Redaction.standard.apply("https://h/?vendor_blob=def") == "https://h/?vendor_blob=def")
    }

    @Test func credentialValuesAndTheirPayloadsAreRedactedInEveryEncoding() {
        let basic = Data("ana:pa55word-x".utf8).base64EncodedString()
        let redaction = Redaction(credentialValues: ["Bearer tok-\"quoted\"&more", "Basic \(basic)", "c00kie-value"])
        let text = """
            step "rotate tok-\\"quoted\\"&more" · html tok-&quot;quoted&quot;&amp;more · url tok-%22quoted%22%26more
            basic \(basic) decoded ana:pa55word-x password pa55word-x cookie c00kie-value
            """
        let out = redaction.apply(text)
        for secret in ["tok-", "quoted", basic, "pa55word-x", "c00kie-value"] {
            #expect(!out.contains(secret), "\(secret) in \(out)")
        }
        #expect(out.contains("cookie REDACTED"))
    }

    @Test func shortValuesAreNotSecretsAndAreLeftAlone() {
        let redaction = Redaction(credentialValues: ["1", "yes"])
        #expect(redaction.apply("{\"version\":1,\"ok\":\"yes\"}") == "{\"version\":1,\"ok\":\"yes\"}")
    }
}
