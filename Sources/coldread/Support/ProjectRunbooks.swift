import ArgumentParser

/// The opening of `lint` and `dry-run`, which check a whole project: where coldread.yaml
/// is, then the runbooks (by default every one in `Runbooks/` beside it).
struct ProjectRunbooks: ParsableArguments {
    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "Runbook files or folders (default: Runbooks/ beside coldread.yaml).")
    var paths: [String] = []
}
