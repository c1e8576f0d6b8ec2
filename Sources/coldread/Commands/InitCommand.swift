import ArgumentParser
import Jobs

/// `coldread init`: a starter directory, one annotated runbook and one scenario.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter coldread.yaml, an annotated example runbook and a scenario.")

    @Argument(help: "Folder to initialise (default: the working directory).")
    var folder: String = "."

    func run() throws {
        print(try ProjectInit(folder: folder).run { print("wrote \($0)") })
    }
}
