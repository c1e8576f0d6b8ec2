import ArgumentParser

/// The run `report` and `review` open: a run id, a unique prefix of one, or `latest`,
/// resolved under `Drills/runs` by the job (`RunFolders.load`).
struct RunReference: ParsableArguments {
    @Argument(help: "A run id, a unique prefix of one, or `latest`.")
    var runID: String = "latest"
}
