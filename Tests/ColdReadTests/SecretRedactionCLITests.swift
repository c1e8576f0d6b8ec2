import Foundation
import Testing

/// No secret leaves the binary: a loopback server that puts a token in a redirect's
/// Location and in a redirect loop, runbook links with a token query and a password in
/// their userinfo, a configured credential in a step title and in notes. Every command
/// that shows them runs, then every file the runs wrote and every stdout and stderr are
/// searched for each secret.
@Suite(.serialized) struct SecretRedactionCLITests {
    static let credential = "cred-s3cr3t-4b9d"
    static let cookie = "cookie-s3cr3t-77aa"
    static let password = "pa55w0rd-zz"
    static let accessToken = "acc-s3cr3t-1f3a"
    static let autolinkKey = "auto-s3cr3t-0c6e"
    static let secrets = [credential, cookie, password, accessToken, autolinkKey,
                          LoopbackServer.locationToken, LoopbackServer.loopToken]

    /// A credentials file outside the project, for the server's host and port.
    func credentialsFile(port: Int) throws -> String {
        let path = try CLI.scratch() + "/credentials.yaml"
        try CLI.write(path, """
            hosts:
              "127.0.0.1:\(port)":
                headers: {Authorization: "Bearer \(Self.credential)"}
                cookies: {session: \(Self.cookie)}
            """)
        return path
    }

    func project(_ server: LoopbackServer) throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {\"dash:read\": [sre]}\n")
        let base = "127.0.0.1:\(server.port)"
        try CLI.write(dir + "/Runbooks/secrets.md", """
            ---
            rotation: sre
            ---
            # Secrets

            ## Steps

            1. Export TOKEN=\(Self.credential) and open [the dashboard](http://\(base)/ok?window=1h&access_token=\(Self.accessToken)).
            2. Open [the admin page](http://ana:\(Self.password)@\(base)/ok).
            3. <http://\(base)/ok?api_key=\(Self.autolinkKey)>
            4. Follow [the redirect](http://\(base)/redirect-with-token).
            5. Follow [the loop](http://\(base)/loop-with-token).
            """)
        return dir
    }

    /// Every file under `dir` except the runbooks (which hold the secrets as written).
    func writtenFiles(in dir: String) -> [String] {
        let files = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return files.filter { !$0.hasPrefix("Runbooks/") }.compactMap { relative in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: dir + "/" + relative, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue ? relative : nil
        }
    }

    func expectNoSecret(in text: String, _ what: String) {
        for secret in Self.secrets {
            #expect(!text.contains(secret), "\(secret) leaked into \(what)")
        }
    }

    @Test func noSecretInAnyOutputOfProbeDryRunLintOrReport() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try project(server)
        let environment = ["COLDREAD_CREDENTIALS": try credentialsFile(port: server.port)]
        var runs: [([String], CLI.Result)] = []
        for arguments in [
            ["probe", "Runbooks/secrets.md"], ["probe", "Runbooks/secrets.md", "--format", "json"],
            ["dry-run", "--junit", "junit.xml", "--format", "json"], ["dry-run", "--junit", "junit-text.xml"],
            ["lint"], ["lint", "--format", "json"], ["lint", "--format", "sarif"], ["lint", "--format", "github"],
            ["report", "latest", "--format", "md"], ["report", "latest", "--format", "json"],
            ["report", "latest", "--format", "junit"], ["report", "latest", "--format", "html", "--output", "report.html"],
        ] {
            runs.append((arguments, try await CLI.run(arguments, in: dir, environment: environment)))
        }
        for (arguments, run) in runs {
            #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
            expectNoSecret(in: run.stdout + run.stderr, "the output of coldread \(arguments.joined(separator: " "))")
        }
        let probe = runs[0].1.stdout
        #expect(probe.contains("redirect_loop"))
        #expect(probe.contains("token=REDACTED"))
        #expect(runs[1].1.stdout.contains("access_token=REDACTED"))
        let files = writtenFiles(in: dir)
        #expect(files.contains("junit.xml") && files.contains("report.html"))
        #expect(files.contains { $0.hasSuffix("journal.jsonl") } && files.contains { $0.hasSuffix("report.json") })
        for file in files {
            expectNoSecret(in: try String(contentsOfFile: dir + "/" + file, encoding: .utf8), file)
        }
        #expect(server.requests(to: "/redirect-with-token") >= 1 && server.requests(to: "/loop-with-token") >= 1)
    }

    @Test func aJournalThatHoldsSecretsIsReportedWithoutThem() async throws {
        let project = try FacilitatorProject(runs: ["20260217T011700Z-ana": try Self.journalWithSecrets()])
        defer { project.remove() }
        let environment = ["COLDREAD_CREDENTIALS": try credentialsFile(port: 443)]
        for format in ["md", "json", "html", "junit"] {
            let run = try await CLI.run(["report", "latest", "--format", format], in: project.root, environment: environment)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(run.stdout.contains("REDACTED"))
            expectNoSecret(in: run.stdout + run.stderr, "report --format \(format)")
        }
    }

    @Test func aProviderTokenAndAConfiguredParameterAreRedactedToo() async throws {
        let token = "pd-s3cr3t-token-31c8"
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", """
            rotations: {sre: {members: [ana]}}
            providers: {pagerduty: {base_url: "http://127.0.0.1:9", token_env: PD_TEST_TOKEN}}
            redact: {query_params: [X-Vendor-Blob, vendor_*]}
            """)
        try CLI.write(dir + "/Runbooks/p.md", """
            # P

            ## Steps

            1. Use token=\(token) at [the API](http://127.0.0.1:9/x?X-Vendor-Blob=blob-s3cr3t&vendor_sig2=sig-s3cr3t).
            """)
        let run = try await CLI.run(["probe", "Runbooks/p.md", "--offline"], in: dir,
                              environment: ["PD_TEST_TOKEN": token, "COLDREAD_CREDENTIALS": ""])
        #expect(run.stdout.contains("Use token=REDACTED at the API"), "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("?X-Vendor-Blob=REDACTED&vendor_sig2=REDACTED"))
        for secret in [token, "blob-s3cr3t", "sig-s3cr3t"] {
            #expect(!(run.stdout + run.stderr).contains(secret))
        }
    }

    /// The bundled mixed drill, with secrets in a probe's URL and final URL and in notes.
    static func journalWithSecrets() throws -> String {
        try FacilitatorProject.mixedDrill()
            .replacingOccurrences(of: "answerbot?window=1h", with: "answerbot?window=1h&access_token=\(accessToken)")
            .replacingOccurrences(of: "SAMLRequest=abc", with: "SAMLRequest=abc&RelayState=https%3A%2F%2Fx%2F%3Ftoken%3D\(LoopbackServer.locationToken)")
            .replacingOccurrences(of: "I have no account.", with: "I pasted Bearer \(credential) and it failed.")
            .replacingOccurrences(of: "not 'version'.", with: "see https://ana:\(password)@grafana.corp.example/d/1")
    }

    @Test(arguments: [["probe", "Runbooks/secrets.md"], ["dry-run", "--junit", "junit.xml"], ["lint"], ["report", "latest"]])
    func aHeaderValueFromAYAMLBlockIsOneErrorLineAndExitTwo(_ arguments: [String]) async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let dir = try project(server)
        let credentials = try CLI.scratch() + "/credentials.yaml"
        try CLI.write(credentials, "hosts:\n  \"127.0.0.1:\(server.port)\":\n    headers:\n      Authorization: |\n        Bearer \(Self.credential)\n")
        let run = try await CLI.run(arguments, in: dir, environment: ["COLDREAD_CREDENTIALS": credentials])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("\(credentials):4:22: error: expected a one-line value for header Authorization"))
        #expect(run.stderr.contains("hint:"))
        #expect(run.stdout.isEmpty)
        expectNoSecret(in: run.stdout + run.stderr, "the error of coldread \(arguments[0])")
        #expect(server.requests(to: "/ok") == 0)
        #expect(writtenFiles(in: dir) == ["coldread.yaml"])
    }
}
