/// Where probes of one hostname really go while a run lasts: the sandbox server (or a
/// test's loopback server) instead of the world. A routed host is spoken to in plain
/// HTTP at `address:port`, whatever the URL's scheme and port, with the original
/// `Host` header, because the sandbox stands in for the world's access rules, not for TLS.
/// Hosts without a route are probed as they are. `SandboxServer.startRouting` makes them.
public struct HostRoute: Sendable, Hashable {
    public var address: String
    public var port: Int
}
