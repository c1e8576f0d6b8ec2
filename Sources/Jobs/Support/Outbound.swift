import Foundation
import ProbeKit
import RunbookKit
import Synchronization

/// The process's one output redaction. A command configures it as soon as it knows
/// coldread.yaml's `redact:` names and the reader's credentials; from then on stdout,
/// stderr (errors included, even one thrown after the command ended) and every file a
/// command writes pass `Outbound.redaction`. Before that, the URL rules still apply.
public enum Outbound {
    /// What the redaction was built from, and the redaction itself.
    private struct Configuration {
        var parameters: [String] = []
        var credentialValues: [String] = []
        var providerTokens: [String] = []
        var redaction = Redaction.standard

        func built() -> Redaction {
            Redaction(secretParameters: parameters, credentialValues: credentialValues + providerTokens)
        }
    }

    private static let configuration = Mutex(Configuration())

    public static var redaction: Redaction { configuration.withLock { $0.redaction } }

    /// Adds the directory's `redact: {query_params: …}` names, and the live providers'
    /// tokens (from the variables their `token_env` names): they are credentials too.
    public static func use(_ directory: Directory, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let providers = directory.providers
        let tokenVariables = [providers.pagerduty?.tokenEnv, providers.scim?.tokenEnv, providers.github?.tokenEnv]
        let tokens = tokenVariables.compactMap { $0.flatMap { environment[$0] } }
        configuration.withLock {
            $0.parameters = directory.redactQueryParams
            $0.providerTokens = tokens
            $0.redaction = $0.built()
        }
    }

    /// Adds every header and cookie value of the reader's credentials.
    public static func use(_ credentials: Credentials) {
        configuration.withLock {
            $0.credentialValues = credentials.redactionValues
            $0.redaction = $0.built()
        }
    }

    /// Writes `text` to `path` atomically, redacted.
    public static func write(_ text: String, toFile path: String) throws {
        try Data(redaction.apply(text).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The reader's credentials, loaded and checked, and registered for redaction; a
    /// malformed file is one error line naming `file:line:column` (exit 2).
    public static func loadCredentials() throws(CommandFailure) -> Credentials {
        let credentials: Credentials
        do {
            credentials = try Credentials.load(path: nil)
        } catch {
            throw .input(error)
        }
        use(credentials)
        return credentials
    }
}
