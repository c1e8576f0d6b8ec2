import Foundation
import ProbeKit
import ReportKit
import RunbookKit

/// Builds the access oracle a command asks: the live providers configured under
/// `providers:` layered over the file, or the file alone with `--offline` (or when no
/// provider is configured). Tokens come from the environment given, the process's by default.
public enum AccessSetup {
    /// Refuses a person no access source knows, named as `role` by `command`: every
    /// answer about them would be unknown, so the name is most likely a typo.
    static func requireKnown(_ person: String, as role: String, by command: String,
                             access: any AccessOracle, directory: Directory) throws(CommandFailure) {
        guard !access.isKnownMember(person) else { return }
        let known = directory.knownMembers.sorted().joined(separator: ", ")
        throw .input("\(command): unknown \(role) '\(person)' (hint: name a member the directory knows: \(known.isEmpty ? "none" : known))")
    }

    /// The live oracle, or nil when the file alone answers.
    public static func liveOracle(directory: Directory, offline: Bool, runbookPaths: [String],
                                  environment: [String: String] = ProcessInfo.processInfo.environment) async -> LiveAccess? {
        await liveOracle(directory: directory, offline: offline, scopes: scopes(in: runbookPaths, directory: directory),
                         environment: environment)
    }

    /// The live oracle for runbooks already loaded (their `scopes`, worked out only when a
    /// provider will be asked), asked as `reader` when one is named; nil when the file
    /// alone answers.
    public static func liveOracle(directory: Directory, offline: Bool, scopes: @autoclosure () -> Set<String>, reader: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) async -> LiveAccess? {
        guard !offline, !directory.providers.isEmpty else { return nil }
        return await LiveAccess.prefetch(directory: directory, environment: environment, scopes: scopes(), reader: reader)
    }

    /// Every scope the runbooks declare (steps and break-glass paths), for command checks.
    /// Runbooks that fail to load are skipped here; lint reports them itself.
    public static func scopes(in paths: [String], directory: Directory) -> Set<String> {
        guard let files = try? RunbookLoader.expand(paths) else { return [] }
        let options = LoaderOptions(directory: directory)
        return files.reduce(into: []) { scopes, file in
            if let runbook = try? RunbookLoader.load(file, options: options) { scopes.formUnion(Self.scopes(of: runbook)) }
        }
    }

    /// Every scope one runbook declares, in steps and break-glass paths.
    public static func scopes(of runbook: Runbook) -> Set<String> {
        var scopes = Set<String>()
        for step in runbook.steps {
            step.scopes.forEach { scopes.insert($0.name) }
            if let scope = step.breakGlass?.scope?.name { scopes.insert(scope) }
        }
        return scopes
    }

    /// `unknown-member` findings for people a live source put on a rotation whom no
    /// directory member matches by email, at the rotation's place in coldread.yaml.
    public static func unmatchedMemberFindings(_ access: LiveAccess, directory: Directory, usedRotations: Set<String>) -> [Finding] {
        access.unmatchedRotationMembers.filter { usedRotations.contains($0.rotation) }.map { entry in
            let listing = access.rotations[entry.rotation]
            let location = directory.rotations[entry.rotation]?.location ?? SourceLocation(file: directory.path, line: 1)
            return Finding(rule: .unknownMember, location: location,
                           message: "rotation '\(entry.rotation)' has '\(entry.member)' on call (\(listing?.provenance.description ?? "live source")), who matches no member's email in \(directory.path) (hint: add them under members: with their email)")
        }
    }
}
