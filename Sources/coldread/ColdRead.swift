import ArgumentParser

/// The `coldread` executable: argument parsing only; the kits do the work.
@main
struct ColdRead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coldread",
        abstract: "Cold drills of incident runbooks, checked as the reader who will be paged.",
        version: "0.1.0",
        subcommands: [
            Lint.self,
            Init.self,
        ]
    )
}
