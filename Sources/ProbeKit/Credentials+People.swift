import RunbookKit

/// The credentials `coldread gap` probes with, one person at a time.
extension Credentials {
    /// The cookie the sandbox reads to tell people apart. It names a person, not a
    /// secret, and is sent to sandbox hosts only: the sandbox stands in for the
    /// world's access rules, and this is how it knows whom it is answering.
    public static let sandboxPersonCookie = "coldread_sandbox_person"

    /// The named profile's credentials (`profiles: {NAME: {hosts: …}}`), or nil.
    public func profile(named name: String) -> Credentials? { profiles[name] }


    /// These credentials, plus the sandbox's person cookie for each sandbox host (and
    /// nothing for any other host). A host that already has credentials keeps them.
    public func actingAs(_ person: String, onSandboxHosts sandboxHosts: some Sequence<String>) -> Credentials {
        var copy = Credentials(hosts: hosts)
        for host in sandboxHosts {
            var entry = hosts[host.lowercased()] ?? HostCredentials()
            entry.cookiePairs.append(.init(name: Self.sandboxPersonCookie, value: person))
            copy.hosts[host.lowercased()] = entry
        }
        return copy
    }
}
