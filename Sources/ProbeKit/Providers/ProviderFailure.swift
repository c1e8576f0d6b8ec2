/// Why a live source could not answer. The reason is shown to the user as the
/// `unknown, because …` of every answer that depended on it, so it says what failed and
/// what to do, and it never carries the token.
public struct ProviderFailure: Error, Sendable, Hashable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    /// The token's environment variable is not set: nothing was sent.
    public static func missingToken(_ env: String) -> ProviderFailure {
        ProviderFailure("\(env) is not set")
    }
}
