import Foundation
import Synchronization
import ProbeKit
import RunbookKit

/// The scenario's sandbox, served once for every person `gap` probes as, with the
/// routes that send its hostnames to loopback.
final class GapWorld: Sendable {
    let server: SandboxServer?
    /// Sandbox hostnames: the only hosts that receive the person cookie.
    let hosts: [String]
    private let routeTable = Mutex<[String: HostRoute]>([:])

    var routes: [String: HostRoute] { routeTable.withLock { $0 } }

    init(sandbox: Sandbox?, directory: Directory, options: ProbeOptions) {
        guard let sandbox, !sandbox.services.isEmpty else {
            server = nil
            hosts = []
            return
        }
        server = SandboxServer(services: sandbox.services, loginHost: directory.ssoLoginHosts.first ?? "login.sandbox.invalid",
                               slowDelay: options.requestTimeout + .seconds(2), opensFor: sandbox.peopleLetIn(groups: directory.groups))
        hosts = sandbox.services.keys.sorted()
    }

    func start() async throws {
        guard let server else { return }
        let table = try await server.startRouting(hosts)
        routeTable.withLock { $0 = table }
    }

    func stop() async {
        await server?.stop()
    }
}
