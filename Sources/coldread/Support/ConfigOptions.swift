import ArgumentParser
import Jobs
import RunbookKit

/// Options every command that reads the directory shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Path to coldread.yaml (default: found by walking up from the working directory).")
    var config: String?

    /// The directory, found like git finds `.git`, or a one-line error naming `coldread init`.
    func loadDirectory() throws(CommandFailure) -> Directory {
        try ProjectDirectory.load(config: config)
    }
}
