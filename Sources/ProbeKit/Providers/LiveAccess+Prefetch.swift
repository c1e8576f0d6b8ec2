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
        let access = await prefetch(directory: directory, settings: settings, client: client, environment: environment,
                                    scopes: scopes, reader: reader, now: now)
        try? await client.shutdown()
        return access
    }

    private static func prefetch(directory: Directory, settings: ProviderSettings, client: HTTPClient, environment: [String: String],
                                 scopes: Set<String>, reader: String?, now: @escaping @Sendable () -> Date) async -> LiveAccess {
        func http(_ provider: String, _ baseURL: String, _ tokenEnv: String, _ headers: (String) -> [(String, String)]) -> Result<ProviderHTTP, ProviderFailure> {
            guard let token = environment[tokenEnv], !token.isEmpty else { return .failure(.missingToken(tokenEnv)) }
            return .success(ProviderHTTP(provider: provider, client: client, baseURL: baseURL, headers: headers(token) + [("User-Agent", "coldread")],
                                         token: token, tokenEnv: tokenEnv, timeoutSeconds: settings.timeoutSeconds))
        }
        let file = FileAccessSource(directory: directory)
        let matcher = MemberMatcher(directory: directory)

        let pagerduty = settings.pagerduty.map { pd in
            PagerDutyRotations(settings: pd, http: http("PagerDuty", pd.baseURL, pd.tokenEnv) {
                [("Authorization", "Token token=\($0)"), ("Accept", "application/vnd.pagerduty+json;version=2")]
            }, now: now)
        }
        let rotationNames = Set(directory.rotations.keys).union(settings.pagerduty.map { Array($0.rotations.keys) } ?? [])
        // The stated order: the first source that covers a rotation answers for it.
        let rotationSources: [any RotationProvider] = [pagerduty].compactMap { $0 } + [file]
        let rotationListings = await withTaskGroup(of: (String, MemberListing).self) { group in
            for name in rotationNames {
                let source = rotationSources.first { $0.covers(rotation: name) } ?? file
                group.addTask { (name, await source.members(ofRotation: name)) }
            }
            var all: [String: MemberListing] = [:]
            for await (name, listing) in group { all[name] = listing }
            return all
        }

        var rotations: [String: ResolvedListing] = [:]
        var standIns: [String: String] = [:]
        for (name, listing) in rotationListings {
            var resolved = resolve(name, listing, matcher)
            if let failure = resolved.failure {
                let standIn = "(whoever else \(listing.provenance.source.title) \(listing.provenance.detail) pages)"
                standIns[standIn] = "\(listing.provenance.source.title) \(listing.provenance.detail): \(failure)"
                resolved.members = (directory.rotations[name]?.members ?? []) + [standIn]
            }
            rotations[name] = resolved
        }

        var candidateEmails = directory.members.values.compactMap(\.email).sorted()
        for listing in rotationListings.values {
            if case .members(let people) = listing.outcome {
                for email in people.flatMap(\.emails) where !candidateEmails.contains(where: { $0.caseInsensitiveCompare(email) == .orderedSame }) {
                    candidateEmails.append(email)
                }
            }
        }
        let scim = settings.scim.map { s in
            SCIMGroups(settings: s, http: http("SCIM", s.baseURL, s.tokenEnv) {
                [("Authorization", "Bearer \($0)"), ("Accept", "application/scim+json")]
            }, fileGroups: Set(directory.groups.keys), candidateEmails: candidateEmails, now: now)
        }
        let github = settings.github.map { g in
            GitHubTeams(settings: g, http: http("GitHub", g.baseURL, g.tokenEnv) {
                [("Authorization", "Bearer \($0)"), ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28")]
            }, candidateLogins: directory.members.values.compactMap(\.github).sorted(), now: now)
        }
        var groupNames = Set(directory.groups.keys).union(settings.scim?.groups ?? [])
        groupNames.formUnion(settings.github?.groups.keys.map { $0 } ?? [])
        // GitHub's explicit team mapping first, then SCIM, then the file.
        let groupSources: [any GroupProvider] = [github as (any GroupProvider)?, scim].compactMap { $0 } + [file]
        let groupListings = await withTaskGroup(of: (String, MemberListing).self) { group in
            for name in groupNames {
                let source = groupSources.first { $0.covers(group: name) } ?? file
                group.addTask { (name, await source.members(ofGroup: name)) }
            }
            var all: [String: MemberListing] = [:]
            for await (name, listing) in group { all[name] = listing }
            return all
        }
        let groups = Dictionary(uniqueKeysWithValues: groupListings.map { ($0.key, resolve($0.key, $0.value, matcher)) })

        let commands = CommandScopeChecks(commands: settings.commands, timeoutSeconds: settings.timeoutSeconds, now: now)
        var people = rotations.values.flatMap(\.members).filter { standIns[$0] == nil }
        if let reader { people.append(reader) }
        var jobs: [MemberScope] = []
        for scope in scopes.sorted() where commands.covers(scope: scope) {
            for member in people where !jobs.contains(MemberScope(member: member, scope: scope)) {
                jobs.append(MemberScope(member: member, scope: scope))
            }
        }
        let subjects = Dictionary(uniqueKeysWithValues: Set(people).map { member in
            (member, member == reader ? AccessSubject.currentReader : .member(name: member, email: directory.members[member]?.email))
        })
        let commandAnswers = await withTaskGroup(of: (MemberScope, CheckedAnswer).self) { group in
            var all: [MemberScope: CheckedAnswer] = [:]
            var pending = jobs.makeIterator()
            for _ in 0..<commandConcurrency {
                guard let job = pending.next(), let subject = subjects[job.member] else { break }
                group.addTask { (job, await commands.check(scope: job.scope, for: subject)) }
            }
            for await (job, answer) in group {
                all[job] = answer
                if let next = pending.next(), let subject = subjects[next.member] {
                    group.addTask { (next, await commands.check(scope: next.scope, for: subject)) }
                }
            }
            return all
        }

        return LiveAccess(directory: directory, rotations: rotations, groups: groups, standIns: standIns,
                          commandAnswers: commandAnswers, commands: commands, reader: reader, isLive: true)
    }
}
