import ArgumentParser
import Jobs

/// `coldread access`: who is on each rotation and group, whether each member holds each
/// scope, and where every answer came from.
struct Access: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain rotation and group membership and scope grants, with the source and fetch time of each.",
        discussion: "With a MEMBER: their rotations, groups and every scope the runbooks declare, held or not and why. "
            + "With a ROTATION: its members and which scopes each lacks. With neither: every rotation and group. "
            + "Live providers under providers: are asked unless --offline.")

    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "A member or a rotation (default: every rotation and group).")
    var subject: String?

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @OptionGroup var access: OfflineFlag

    func run() async throws {
        guard let format = AccessReport.Format(rawValue: format) else {
            throw CommandFailure.input("coldread access: unknown --format '\(format)' (hint: use text or json)")
        }
        let directory = try configOptions.loadDirectory()
        let report = try await AccessExplanation(subject: subject, offline: access.offline).run(directory: directory)
        StandardOutput.write((format == .json ? report.json() : report.text()) + "\n")
    }
}
