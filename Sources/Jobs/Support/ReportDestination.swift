/// Where a rebuilt report goes (`report`, `merge`): a file named by `--output`, written
/// atomically through the redaction, or stdout.
public enum ReportDestination {
    public static func write(_ text: String, to output: String?) throws(CommandFailure) {
        guard let output else { return StandardOutput.write(text) }
        do {
            try Outbound.write(text, toFile: output)
        } catch {
            throw .input("\(output):1:1: error: expected a writable file, found \(error.localizedDescription) (hint: check the folder exists)")
        }
    }
}
