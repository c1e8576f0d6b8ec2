/// Where a rebuilt report goes (`report`, `merge`): a file named by `--output`, written
/// atomically through the redaction, or stdout.
public enum ReportDestination {
    public static func write(_ text: String, to output: String?) throws(CommandFailure) {
        guard let output else { return StandardOutput.write(text) }
        try OutputFile.write(text, to: output)
    }
}
