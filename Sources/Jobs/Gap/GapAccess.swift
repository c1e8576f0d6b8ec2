import Foundation
import ProbeKit
import RunbookKit

extension GapJob {
    /// The gap as `coldread gap` asks it: the live providers over coldread.yaml unless
    /// `offline` (or none is configured), named in the report as the source of every
    /// scope answer.
    public static func asking(_ options: Options, directory: Directory, offline: Bool, credentials: Credentials,
                              environment: [String: String] = ProcessInfo.processInfo.environment) async -> GapJob {
        let live = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: options.runbookPaths,
                                                environment: environment)
        let source = live == nil ? relativePath(directory.path) : "live providers over \(relativePath(directory.path))"
        return GapJob(options: options, directory: directory, access: live, credentials: credentials, accessSource: source)
    }
}
