import Jobs
import Testing

/// `CommandFailure.commandLine`: ArgumentParser's error text as the one line (plus the
/// help hint for usage errors) that `ColdRead.main` prints.
@Suite("Jobs: command-line errors")
struct CommandLineErrorTests {
    @Test func aUsageErrorIsOneLineAndAHintNamingTheSubcommandsHelp() {
        let failure = CommandFailure.commandLine("Error: Missing expected argument '<runbook>'\n\nUsage: coldread drill <runbook>\n  See 'coldread drill --help'.",
                                                 fallback: "missing", command: "coldread drill", isUsage: true)
        #expect(failure.exitCode == 2)
        #expect(failure.lines == [
            "coldread drill: error: Error: Missing expected argument '<runbook>' Usage: coldread drill <runbook> See 'coldread drill --help'.",
            "hint: see `coldread drill --help`",
        ])
    }

    @Test func anEmptyMessageFallsBackAndAnInternalErrorHasNoHint() {
        let failure = CommandFailure.commandLine(" \n ", fallback: "boom", command: "coldread", isUsage: false)
        #expect(failure.exitCode == 3)
        #expect(failure.lines == ["coldread: error: boom"])
    }
}
