import ChildProcess
import Foundation

/// Runs the real built `coldread` binary, as a user would, and captures what they see.
/// Shared by every CLI test in this target.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found by walking up from this file to `Package.swift`.
    static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()

    /// The `coldread` binary next to the test bundle (the build the tests belong to),
    /// else `.build/debug/coldread`.
    static let binary: URL = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("coldread")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/coldread")
    }()

    /// Runs `coldread ARGS` in `directory` (default: the package root, where the examples
    /// live) with `environment` added to the current one.
    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) async throws -> Outcome {
        let outcome = try await ChildProcess.run(binary.path, arguments, in: directory.path,
                                           environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        return Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}
