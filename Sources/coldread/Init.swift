import ArgumentParser
import Foundation
import Jobs

/// `coldread init`: a starter directory, one annotated runbook and one scenario.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter coldread.yaml, an annotated example runbook and a scenario.")

    @Argument(help: "Folder to initialise (default: the working directory).")
    var folder: String = "."

    func run() throws {
        let files = StarterFiles.all
        let fm = FileManager.default
        let existing = files.map { folder + "/" + $0.path }.filter { fm.fileExists(atPath: $0) }
        if !existing.isEmpty {
            throw CommandFailure.input("coldread init: \(relativePath(existing[0])) already exists; nothing was written (hint: run init in an empty folder, or move the existing files away)")
        }
        for file in files {
            let path = folder + "/" + file.path
            try fm.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(relativePath(path))")
        }
        print("next: coldread lint Runbooks/")
    }
}
