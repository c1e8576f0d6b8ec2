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
    private let services: [String: ServiceBehaviour]
    private let routeTable = Mutex<[String: HostRoute]>([:])

    var routes: [String: HostRoute] { routeTable.withLock { $0 } }

    init(sandbox: Sandbox?, directory: Directory, options: ProbeOptions) {
        guard let sandbox, !sandbox.services.isEmpty else {
            server = nil
            hosts = []
            services = [:]
            return
        }
        server = SandboxServer(services: sandbox.services, loginHost: directory.ssoLoginHosts.first ?? "login.sandbox.invalid",
                               slowDelay: options.requestTimeout + .seconds(2), opensFor: sandbox.peopleLetIn(groups: directory.groups))
        hosts = sandbox.services.keys.sorted()
        services = sandbox.services
    }

    func start() async throws {
        guard let server else { return }
        let port = try await server.start()
        let downPort = await server.downPort
        var table: [String: HostRoute] = [:]
        for host in hosts {
            let down = services[host] == .down && downPort > 0
            table[host] = HostRoute(address: "127.0.0.1", port: down ? downPort : port)
        }
        routeTable.withLock { $0 = table }
    }

    func stop() async {
        await server?.stop()
    }
}
