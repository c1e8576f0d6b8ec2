extension DryRunResult {
    /// `dry-run --junit FILE`: the run's JUnit, written atomically through the redaction,
    /// or one line naming the file that could not be written.
    public func writeJUnit(to path: String) throws(CommandFailure) {
        try OutputFile.write(junit, to: path)
    }
}
