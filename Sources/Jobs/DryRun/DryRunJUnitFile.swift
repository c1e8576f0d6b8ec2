extension DryRunResult {
    /// `dry-run --junit FILE`: the run's JUnit, written atomically through the redaction,
    /// or one line naming the file that could not be written.
    public func writeJUnit(to path: String) throws(CommandFailure) {
        do {
            try Outbound.write(junit, toFile: path)
        } catch {
            throw .input("coldread dry-run: cannot write \(path): \(error.localizedDescription) (hint: check that its folder exists)")
        }
    }
}
