import Foundation
import ProbeKit
import RunbookKit

/// `coldread gap`: probes every step twice, as the author and as the reader (or every
/// member of a rotation), and says what only the author can do. The runbook reads fine
/// in daylight and runs blocked at night because its author has access its reader does
/// not; this puts the two side by side before the runbook merges.
///
/// Each person is probed with their own credentials profile (`profiles:` in the
/// credentials file; none means anonymous), each sent only to its own host. A scenario's
/// sandbox is served once for everyone and told who is asking by a person cookie that
/// goes to sandbox hosts only.
public struct GapJob: Sendable {
    public struct Options: Sendable {
        public var runbookPaths: [String]
        public var author: GapParty
        public var reader: GapParty
        public var scenarioPath: String?
        public var probe: ProbeOptions

        public init(runbookPaths: [String], author: GapParty, reader: GapParty, scenarioPath: String? = nil,
                    probe: ProbeOptions = ProbeOptions()) {
            self.runbookPaths = runbookPaths
            self.author = author
            self.reader = reader
            self.scenarioPath = scenarioPath
            self.probe = probe
        }
    }

    public var options: Options
    public var directory: Directory
    /// Who holds what: the directory, or live providers over it.
    public var access: any AccessOracle
    /// The credentials file; only its `profiles:` are used, one per person.
    public var credentials: Credentials
    /// Where the scope answers come from, for the report ("coldread.yaml", "live providers …").
    public var accessSource: String

    public init(options: Options, directory: Directory, access: (any AccessOracle)? = nil,
                credentials: Credentials = .none, accessSource: String? = nil) {
        self.options = options
        self.directory = directory
        self.access = access ?? directory
        self.credentials = credentials
        self.accessSource = accessSource ?? relativePath(directory.path)
    }

    public func run() async throws(CommandFailure) -> GapResult {
        let target = try ScenarioTarget(scenario: options.scenarioPath, paths: options.runbookPaths, directory: self.directory)
        let (directory, sandbox, paths) = (target.directory, target.sandbox, target.paths)
        let access = options.scenarioPath != nil && sandbox?.hasDirectoryOverride == true ? directory : self.access
        let runbooks = try ProbedRunbooks.load(paths, directory: directory, command: "coldread gap")
        let authors = try options.author.people(access: access, directory: directory)
        let readers = try options.reader.people(access: access, directory: directory)
        let world = GapWorld(sandbox: sandbox, directory: directory, options: options.probe)
        do {
            try await world.start()
        } catch {
            await world.stop()
            throw .internal("coldread gap: cannot start the sandbox server on loopback: \(error)")
        }
        let everyone = Array(Set(authors + readers)).sorted()
        let perPerson = await probe(runbooks, people: everyone, world: world, access: access, directory: directory)
        await world.stop()
        return result(runbooks, authors: authors, readers: readers, perPerson: perPerson, access: access, directory: directory)
    }

    /// Each person's results, one probe session per person (their own credentials and
    /// caches), all sessions at once.
    private func probe(_ runbooks: [Runbook], people: [String], world: GapWorld, access: any AccessOracle,
                       directory: Directory) async -> [String: [[ProbeResult]]] {
        await withTaskGroup(of: (String, [[ProbeResult]]).self) { group in
            for person in people {
                let personal = (credentials.profile(named: person) ?? .none).actingAs(person, onSandboxHosts: world.hosts)
                let session = ProbeSession(access: access, directory: directory, sandbox: nil, credentials: personal,
                                           options: options.probe, routes: world.routes)
                group.addTask {
                    let results = await session.results(runbooks, as: .reader(person))
                    await session.shutdown()
                    return (person, results)
                }
            }
            var all: [String: [[ProbeResult]]] = [:]
            for await (person, results) in group { all[person] = results }
            return all
        }
    }

    private func result(_ runbooks: [Runbook], authors: [String], readers: [String], perPerson: [String: [[ProbeResult]]],
                        access: any AccessOracle, directory: Directory) -> GapResult {
        let remedies = GapRemedies(directory: directory, access: access, reader: options.reader)
        let compared = runbooks.enumerated().map { offset, runbook in
            let results = perPerson.mapValues { $0[offset] }
            var steps = GapComparison.steps(of: runbook, authors: authors, readers: readers, results: results)
            for index in steps.indices {
                guard let source = runbook.steps.first(where: { $0.index == steps[index].index }) else { continue }
                steps[index].remedies = steps[index].gaps.map { remedies.remedies(for: $0, in: source, of: runbook) }
            }
            return GapResult.RunbookGaps(id: runbook.id, path: runbook.path, steps: steps)
        }
        let unprofiled = Set(authors + readers).filter { credentials.profile(named: $0) == nil }.sorted()
        return GapResult(author: options.author, authors: authors, reader: options.reader, readers: readers,
                         accessSource: accessSource, peopleWithoutProfile: unprofiled, runbooks: compared)
    }
}
