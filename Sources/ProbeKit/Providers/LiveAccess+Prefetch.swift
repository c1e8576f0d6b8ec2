import AsyncHTTPClient
import Foundation
import NIOCore
import RunbookKit

extension LiveAccess {
    /// Command checks run at once, at most.
    static let commandConcurrency = 4

    /// Fetches everything the run will ask about, once: rotation members (PagerDuty or
    /// the file), group members (GitHub, SCIM or the file, in that order), and command
    /// checks for every rotation member (and the reader) against each of `scopes` that a
    /// `commands:` pattern covers. Each request is bounded by `providers.timeout`; a
    /// source that fails leaves its answers unknown with the reason and never throws.
    ///
    /// - Parameters:
    ///   - environment: where tokens are read from (the variables named by `token_env`).
    ///   - scopes: the scopes the run will ask about, for command checks.
    ///   - reader: the member running ColdRead; their command checks run as themselves.
    public static func prefetch(directory: Directory, environment: [String: String], scopes: Set<String>, reader: String? = nil,
                                now: @escaping @Sendable () -> Date = Date.init) async -> LiveAccess {
        let settings = directory.providers
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let timeout = TimeAmount.seconds(Int64(max(1, settings.timeoutSeconds)))
        configuration.timeout = .init(connect: timeout, read: timeout)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let sources = LiveSources(directory: directory, client: client, environment: environment, now: now)

        let file = FileAccessSource(directory: directory)
        let matcher = MemberMatcher(directory: directory)
        let rotationNames = Set(directory.rotations.keys).union(settings.pagerduty.map { Array($0.rotations.keys) } ?? [])
        let rotationListings = await listRotations(rotationNames, from: [sources.pagerduty].compactMap { $0 } + [file], file: file)
        var rotations: [String: ResolvedListing] = [:]
        var standIns: [String: String] = [:]
        for (name, listing) in rotationListings {
            var resolved = resolve(name, listing, matcher)
            if let failure = resolved.failure {
                let asked = "\(listing.provenance.source.title) \(listing.provenance.detail)"
                let standIn = "(whoever else \(asked) pages)"
                standIns[standIn] = "\(asked): \(failure)"
                resolved.members = (directory.rotations[name]?.members ?? []) + [standIn]
            }
            rotations[name] = resolved
        }

        var candidateEmails: [String] = []
        for email in directory.members.values.compactMap(\.email).sorted() + rotationListings.values.flatMap(\.people).flatMap(\.emails)
        where !candidateEmails.contains(where: { $0.caseInsensitiveCompare(email) == .orderedSame }) {
            candidateEmails.append(email)
        }
        var groupNames = Set(directory.groups.keys).union(settings.scim?.groups ?? [])
        groupNames.formUnion(settings.github.map { Array($0.groups.keys) } ?? [])
        let groupSources: [any GroupProvider] = [sources.github as (any GroupProvider)?, sources.scim(candidateEmails: candidateEmails)]
            .compactMap { $0 } + [file]
        let groups = await listGroups(groupNames, from: groupSources, file: file).reduce(into: [String: ResolvedListing]()) {
            $0[$1.key] = resolve($1.key, $1.value, matcher)
        }

        let commands = CommandScopeChecks(commands: settings.commands, timeoutSeconds: settings.timeoutSeconds, now: now)
        var people = rotations.values.flatMap(\.members).filter { standIns[$0] == nil }
        if let reader { people.append(reader) }
        let subjects = Dictionary(people.map { member in
            (member, member == reader ? AccessSubject.currentReader : .member(name: member, email: directory.members[member]?.email))
        }, uniquingKeysWith: { first, _ in first })
        let commandAnswers = await runChecks(commands, scopes: scopes, subjects: subjects)

        try? await client.shutdown()
        return LiveAccess(directory: directory, rotations: rotations, groups: groups, standIns: standIns,
                          commandAnswers: commandAnswers, commands: commands, reader: reader, isLive: true)
    }

    /// Each rotation from the first source that covers it, all fetched at once.
    private static func listRotations(_ names: Set<String>, from sources: [any RotationProvider], file: FileAccessSource) async -> [String: MemberListing] {
        await listAtOnce(names) { name in
            await (sources.first { $0.covers(rotation: name) } ?? file).members(ofRotation: name)
        }
    }

    /// Each group from the first source that covers it, all fetched at once.
    private static func listGroups(_ names: Set<String>, from sources: [any GroupProvider], file: FileAccessSource) async -> [String: MemberListing] {
        await listAtOnce(names) { name in
            await (sources.first { $0.covers(group: name) } ?? file).members(ofGroup: name)
        }
    }

    /// Every name's listing, all asked for at once: one slow provider costs its own wait, not the sum.
    private static func listAtOnce(_ names: Set<String>,
                                   _ listing: @escaping @Sendable (String) async -> MemberListing) async -> [String: MemberListing] {
        await withTaskGroup(of: (String, MemberListing).self) { group in
            for name in names {
                group.addTask { (name, await listing(name)) }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }

    /// Every covered scope for every subject, `commandConcurrency` checks at a time.
    private static func runChecks(_ commands: CommandScopeChecks, scopes: Set<String>,
                                  subjects: [String: AccessSubject]) async -> [MemberScope: CheckedAnswer] {
        let jobs = scopes.sorted().filter(commands.covers(scope:)).flatMap { scope in
            subjects.keys.sorted().map { MemberScope(member: $0, scope: scope) }
        }
        return await withTaskGroup(of: (MemberScope, CheckedAnswer).self) { group in
            var all: [MemberScope: CheckedAnswer] = [:]
            var pending = jobs.makeIterator()
            func next() -> (MemberScope, AccessSubject)? {
                pending.next().flatMap { job in subjects[job.member].map { (job, $0) } }
            }
            for _ in 0..<commandConcurrency {
                guard let (job, subject) = next() else { break }
                group.addTask { (job, await commands.check(scope: job.scope, for: subject)) }
            }
            for await (job, answer) in group {
                all[job] = answer
                if let (job, subject) = next() {
                    group.addTask { (job, await commands.check(scope: job.scope, for: subject)) }
                }
            }
            return all
        }
    }
}

private extension MemberListing {
    /// The people listed, or none when the source could not answer.
    var people: [ListedPerson] {
        if case .members(let people) = outcome { return people }
        return []
    }
}
