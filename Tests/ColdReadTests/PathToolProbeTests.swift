import Foundation
import Testing

/// `coldread probe` on a tool written as a path (`./scripts/failover.sh`, `bin/rails`):
/// the reader runs it from a checkout, so it is a file in the runbook's repository (the
/// nearest folder above the runbook with `.git`, else the folder of coldread.yaml),
/// never looked up on PATH or against the folder the command was started in.
@Suite("coldread probe: tools written as paths")
struct PathToolProbeTests {
    struct Result: Decodable {
        var kind: String
        var outcome: String
        var tool: String?
        var path: String?
    }

    struct Document: Decodable {
        var results: [Result]
    }

    static let config = "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {}\n"

    func toolOutcomes(runbook: String, in dir: String, from cwd: String, environment: [String: String] = [:]) async throws -> [String: Result] {
        let run = try await CLI.run(["probe", runbook, "--offline", "--format", "json", "--config", dir + "/coldread.yaml"],
                              in: cwd, environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        let document = try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8))
        let tools = document.results.filter { $0.kind == "tool" }
        return Dictionary(tools.map { ($0.tool ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aPathToolIsAFileBesideColdreadYamlWhenThereIsNoCheckout() async throws {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", Self.config)
        try CLI.write(dir + "/scripts/failover.sh", "#!/bin/sh\n")
        try CLI.write(dir + "/Runbooks/failover.md", "# Failover\n\n## Fix\n\n```bash\n./scripts/failover.sh --region eu\nbin/rails db:migrate\n```\n")
        let tools = try await toolOutcomes(runbook: dir + "/Runbooks/failover.md", in: dir, from: FileManager.default.temporaryDirectory.path)
        let script = try #require(tools["./scripts/failover.sh"])
        #expect(script.outcome == "present")
        #expect(script.path == URL(fileURLWithPath: dir + "/scripts/failover.sh").standardizedFileURL.path)
        #expect(tools["bin/rails"]?.outcome == "missing")
    }

    @Test func theRunbooksOwnCheckoutWins() async throws {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", Self.config)
        try CLI.write(dir + "/bin/setup", "#!/bin/sh\n")
        try CLI.write(dir + "/bin/only-in-workspace", "#!/bin/sh\n")
        try FileManager.default.createDirectory(atPath: dir + "/teams/payments/.git", withIntermediateDirectories: true)
        try CLI.write(dir + "/teams/payments/bin/setup", "#!/bin/sh\n")
        try CLI.write(dir + "/teams/payments/docs/runbook.md",
                      "# Payments\n\n## Fix\n\n    cd ~/payments\n    bin/setup\n    bin/only-in-workspace --all\n")
        let tools = try await toolOutcomes(runbook: "teams/payments/docs/runbook.md", in: dir, from: dir)
        let setup = try #require(tools["bin/setup"])
        #expect(setup.outcome == "present")
        #expect(setup.path?.hasSuffix("/teams/payments/bin/setup") == true)
        #expect(tools["bin/only-in-workspace"]?.outcome == "missing")
    }

    /// `$OPS_BIN/seal-key.sh` is where the reader's `$OPS_BIN` says: found there when the
    /// variable is set, unknown (never missing) when it is not, since the reader may have it.
    @Test func aPathUnderAVariableIsLookedUpWhereTheVariableSays() async throws {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", Self.config)
        try CLI.write(dir + "/ops/seal-key.sh", "#!/bin/sh\n")
        try CLI.write(dir + "/Runbooks/keys.md", "# Keys\n\n## Fix\n\n```bash\n$OPS_BIN/seal-key.sh app.key\n~/bin/rotate-keys\n```\n")
        let runbook = dir + "/Runbooks/keys.md"
        let unset = try await toolOutcomes(runbook: runbook, in: dir, from: dir, environment: ["OPS_BIN": "", "HOME": dir])
        #expect(unset["$OPS_BIN/seal-key.sh"]?.outcome == "unknown")
        #expect(unset["~/bin/rotate-keys"]?.outcome == "missing")
        let set = try await toolOutcomes(runbook: runbook, in: dir, from: dir, environment: ["OPS_BIN": dir + "/ops", "HOME": dir])
        let script = try #require(set["$OPS_BIN/seal-key.sh"])
        #expect(script.outcome == "present")
        #expect(script.path == dir + "/ops/seal-key.sh")
    }
}
