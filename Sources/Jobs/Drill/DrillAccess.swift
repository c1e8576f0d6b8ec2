import DrillKit
import Foundation
import ProbeKit
import RunbookKit

/// The drill's access answers, from the same live sources lint and dry-run ask
/// (PagerDuty, SCIM, GitHub, command checks) over coldread.yaml, fetched once before the
/// timer starts; and, for the briefing, which source answered or why scopes are unknown.
struct DrillAccess {
    var oracle: any AccessOracle
    var notes: [DrillState.AccessSourceNote]

    static func prefetch(directory: Directory, runbook: Runbook, reader: String, offline: Bool,
                         environment: [String: String]) async -> DrillAccess {
        guard let live = await AccessSetup.liveOracle(directory: directory, offline: offline, scopes: AccessSetup.scopes(of: runbook),
                                                      reader: reader, environment: environment) else {
            let why = offline ? "--offline" : "no live provider is configured"
            return DrillAccess(oracle: directory, notes: [.answered("Access from \(directory.path) alone (\(why)).")])
        }
        return DrillAccess(oracle: live, notes: notes(live, runbook: runbook))
    }

    /// One line per live source that was asked: what it answered for, or that it failed
    /// and what is unknown because of it.
    static func notes(_ live: LiveAccess, runbook: Runbook) -> [DrillState.AccessSourceNote] {
        var asked: [Provenance.Source: [String]] = [:]
        var notes: [DrillState.AccessSourceNote] = []
        let listings = live.rotations.values.map { ("rotation", $0) } + live.groups.values.map { ("group", $0) }
        for (kind, listing) in listings.sorted(by: { ($0.1.provenance.source.rawValue, $0.1.name) < ($1.1.provenance.source.rawValue, $1.1.name) })
        where listing.provenance.source != .file {
            if let failure = listing.failure {
                notes.append(.unanswered("\(listing.provenance.source.title) could not list \(kind) \(listing.name) (\(failure)): scopes granted through it are unknown."))
            } else {
                asked[listing.provenance.source, default: []].append("\(kind) \(listing.name)")
            }
        }
        let answered = asked.keys.sorted { $0.rawValue < $1.rawValue }.map { source in
            DrillState.AccessSourceNote.answered("\(source.title) answered for \(asked[source, default: []].joined(separator: ", ")).")
        }
        if answered.isEmpty && notes.isEmpty {
            return [.answered("Access from \(live.directory.path): no live source covers this runbook's groups or rotation.")]
        }
        return answered + notes
    }
}
