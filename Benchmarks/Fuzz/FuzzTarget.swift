import DrillKit
import Foundation
import ProbeKit
import RunbookKit

/// The inputs a user (or an attacker who can open a pull request) hands to ColdRead,
/// each fed to the real loader exactly as a file's text would be. A target passes an
/// input when the loader returns a value or a typed load error; a trap, a hang or a
/// memory error is a finding.
enum FuzzTarget: String, CaseIterable {
    case markdown, yamlRunbook = "yaml-runbook", scenario, directory, credentials, journal

    /// Feeds one input to the loader. Text that is not UTF-8 is refused by every
    /// loader before parsing (`SourceText.read`), so only the journal sees raw bytes.
    func run(_ bytes: UnsafeRawBufferPointer) {
        if self == .journal {
            _ = try? JournalReader.decode(Data(bytes), path: "fuzz/journal.jsonl")
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        switch self {
        case .markdown: _ = try? RunbookLoader.parse(text, file: "fuzz/runbook.md")
        case .yamlRunbook: _ = try? RunbookLoader.parse(text, file: "fuzz/runbook.yaml")
        case .scenario: _ = try? ScenarioLoader.parse(text, file: "fuzz/scenario.yaml", directory: Self.accessDirectory)
        case .directory: _ = try? DirectoryLoader.parse(text, file: "fuzz/coldread.yaml")
        case .credentials: _ = try? Credentials.parse(text, file: "fuzz/credentials.yaml")
        case .journal: break
        }
    }

    /// A small access directory, so scenario inputs that override it are checked too.
    static let accessDirectory = try? DirectoryLoader.parse(
        "rotations: {sre: {members: [ana, ben]}}\ngroups: {sre: [ana, ben]}\ngrants: {\"a:read\": [sre]}\n",
        file: "fuzz/coldread.yaml")

    /// The target named by `COLDREAD_FUZZ_TARGET` (libFuzzer owns the command line).
    static var fromEnvironment: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["COLDREAD_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("coldread-fuzz: set COLDREAD_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }
}
