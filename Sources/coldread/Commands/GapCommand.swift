import ArgumentParser
import Jobs

/// `coldread gap`: what only the author can do, step by step (GapJob). Exit 1 on a gap
/// or an unknown answer, 0 when the reader side can do all the author side can.
struct GapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "List the steps that work for the runbook's author but not for its reader or rotation.",
        discussion: """
            Every step is probed as each person: scopes from the access sources, links with \
            that person's credentials profile (profiles: in the credentials file), tools and \
            command checks.

            In CI: coldread gap RUNBOOK --rotation sre-primary --author-team ai-platform --format github

            Exit 1 when some step works only for the author (or an answer was unknown), 0 otherwise.
            """
    )

    @OptionGroup var targets: ScenarioTargets

    @Option(help: "The author: a person in the directory.")
    var author: String?

    @Option(help: "The author's team: a group in the directory (every member counts as an author).")
    var authorTeam: String?

    @Option(help: "The reader: a person in the directory.")
    var reader: String?

    @Option(help: "The executing rotation: every member is a reader.")
    var rotation: String?

    @Option(help: "Output format: text, json, sarif or github.")
    var format: GapFormat = .text

    @OptionGroup var probing: ProbingFlags

    func validate() throws {
        if (author == nil) == (authorTeam == nil) { throw ValidationError("name the author with exactly one of --author or --author-team") }
        if (reader == nil) == (rotation == nil) { throw ValidationError("name the reader with exactly one of --reader or --rotation") }
    }

    func run() async throws {
        let directory = try probing.config.loadDirectory()
        let credentials = try Outbound.loadCredentials()
        let options = GapJob.Options(
            runbookPaths: targets.runbooks,
            author: author.map(GapParty.person) ?? .team(authorTeam ?? ""),
            reader: reader.map(GapParty.person) ?? .rotation(rotation ?? ""),
            scenarioPath: targets.scenario, probe: probing.limits.options())
        let job = await GapJob.asking(options, directory: directory, offline: probing.access.offline, credentials: credentials)
        let result = try await job.run()
        StandardOutput.write(format.render(result, toolVersion: ColdRead.configuration.version))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

extension GapFormat: ExpressibleByArgument {}
