/// Where a job says what it passed over without failing: a torn last journal line, a
/// journal that cannot be read, a runbook that does not load, a YAML file without
/// `steps:`. The command passes `StandardError.write`, so the reader sees each once;
/// tests pass a collector and assert the lines.
public typealias WarningSink = @Sendable (String) -> Void
