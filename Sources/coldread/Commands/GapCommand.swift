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

    @OptionGroup var author: AuthorSide

    @OptionGroup var reader: ReaderSide

    @Option(help: "Output format: text, json, sarif or github.")
    var format: GapFormat = .text

    @OptionGroup var probing: ProbingFlags

    func run() async throws {
        let directory = try probing.config.loadDirectory()
        let credentials = try Outbound.loadCredentials()
        let options = GapJob.Options(
            runbookPaths: targets.runbooks,
            author: author.party, reader: reader.party,
            scenarioPath: targets.scenario, probe: probing.limits.options())
        let job = await GapJob.asking(options, directory: directory, offline: probing.access.offline, credentials: credentials)
        let result = try await job.run()
        StandardOutput.write(format.render(result, toolVersion: ColdRead.configuration.version))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

extension GapFormat: ExpressibleByArgument {}
