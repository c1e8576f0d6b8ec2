import ChildProcess
import Foundation
import ProbeKit
import RunbookKit
import Testing

/// Command scope checks: the template's placeholders filled from the scope, exit codes
/// mapped to held / not held / unknown, and a check that hangs stopped at the timeout.
@Suite struct ProviderCommandTests {
    /// A stand-in for `kubectl auth can-i`: held for `get`, not held for `delete`,
    /// broken for `explode`, hangs for `hang`. It records its argv.
    static func fakeKubectl() throws -> (dir: String, log: String) {
        let dir = try ScratchFolders.make("coldread-cmd")
        let log = dir + "/argv.log"
        let script = """
            #!/bin/sh
            echo "$@" >> '\(log)'
            case "$3" in
              get) exit 0 ;;
              delete) exit 1 ;;
              hang) exec sleep 30 ;;
              *) echo "error: the server doesn't have a resource type" >&2; exit 2 ;;
            esac
            """
        try ScratchFolders.writeScript(script, to: dir + "/kubectl")
        return (dir, log)
    }

    /// `timeout` is roomy by default: a shell script's start on two busy cores must not
    /// decide a test about exit codes. The hang test passes its own short one.
    static func directory(kubectl: String, timeout: String = "8s") throws -> Directory {
        try DirectoryLoader.parse("""
            rotations: {sre-primary: {members: [ana, ben]}}
            members: {ana: {email: ana@corp.example}, ben: {email: ben@corp.example}}
            groups: {sre: [ana, ben]}
            grants: {"k8s:*": [nobody]}
            providers:
              timeout: \(timeout)
              commands:
                "k8s:*": [\(kubectl), auth, can-i, "{verb}", "{resource}", -n, "{namespace}", --as, "{member}"]
            """, file: "coldread.yaml")
    }

    @Test(arguments: [
        ("k8s:get:pods:prod", ScopeAnswer.held),
        ("k8s:delete:pods:prod", ScopeAnswer.notHeld),
    ])
    func exitCodesMapToAnswers(scope: String, expected: ScopeAnswer) async throws {
        let fake = try Self.fakeKubectl()
        let access = await LiveAccess.prefetch(directory: try Self.directory(kubectl: fake.dir + "/kubectl"), environment: [:], scopes: [scope])
        #expect(access.answer(member: "ben", scope: scope) == expected)
        #expect(access.isKnownScope(scope))
        let log = try String(contentsOfFile: fake.log, encoding: .utf8)
        let parts = scope.split(separator: ":")
        #expect(log.contains("auth can-i \(parts[1]) \(parts[2]) -n \(parts[3]) --as ben"))
    }

    @Test func anotherExitCodeIsUnknownWithStderr() async throws {
        let fake = try Self.fakeKubectl()
        let access = await LiveAccess.prefetch(directory: try Self.directory(kubectl: fake.dir + "/kubectl"), environment: [:], scopes: ["k8s:explode:x:prod"])
        guard case .unknown(let reason) = access.answer(member: "ana", scope: "k8s:explode:x:prod") else {
            Issue.record("exit 2 must be unknown")
            return
        }
        #expect(reason.contains("exited 2") && reason.contains("doesn't have a resource type"))
    }

    @Test func aHangingCheckIsStoppedAtTheTimeout() async throws {
        let fake = try Self.fakeKubectl()
        let access = await LiveAccess.prefetch(directory: try Self.directory(kubectl: fake.dir + "/kubectl", timeout: "1s"), environment: [:], scopes: ["k8s:hang:x:prod"])
        guard case .unknown(let reason) = access.answer(member: "ana", scope: "k8s:hang:x:prod") else {
            Issue.record("a hanging check must be unknown")
            return
        }
        #expect(reason.contains("did not finish within 1 s"))
    }

    @Test func aScopeWithTooFewPartsIsUnknownNamingTheShape() async throws {
        let fake = try Self.fakeKubectl()
        let access = await LiveAccess.prefetch(directory: try Self.directory(kubectl: fake.dir + "/kubectl"), environment: [:], scopes: ["k8s:get:pods"])
        #expect(access.answer(member: "ana", scope: "k8s:get:pods") == .unknown(reason:
            "scope 'k8s:get:pods' does not fill {verb}, {resource}, {namespace} of the `k8s:*` check; write it as k8s:VERB:RESOURCE:NAMESPACE"))
        #expect(!FileManager.default.fileExists(atPath: fake.log), "nothing ran")
    }

    @Test func theCurrentReaderIsCheckedWithoutImpersonation() async throws {
        let fake = try Self.fakeKubectl()
        let access = await LiveAccess.prefetch(directory: try Self.directory(kubectl: fake.dir + "/kubectl"), environment: [:],
                                               scopes: ["k8s:get:pods:prod"], reader: "ana")
        #expect(access.answer(member: "ana", scope: "k8s:get:pods:prod") == .held)
        let lines = try String(contentsOfFile: fake.log, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains("auth can-i get pods -n prod"))
        #expect(lines.contains("auth can-i get pods -n prod --as ben"))
    }

    @Test func aMissingProgramIsUnknown() async throws {
        let access = await LiveAccess.prefetch(directory: try Self.directory(kubectl: "coldread-no-such-kubectl"), environment: [:], scopes: ["k8s:get:pods:prod"])
        guard case .unknown(let reason) = access.answer(member: "ana", scope: "k8s:get:pods:prod") else {
            Issue.record("a missing program must be unknown")
            return
        }
        #expect(reason.contains("not on PATH"))
    }
}
