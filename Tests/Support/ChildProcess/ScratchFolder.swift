import Foundation

/// A folder a test writes its files in. Every scratch folder of a test process lives
/// under one parent named for the process, removed when the process exits, pass or fail:
/// a test that throws half-way leaves nothing behind in /tmp for the next run to trip on.
public enum ScratchFolder {
    private static let parent: String = {
        let path = NSTemporaryDirectory() + "coldread-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.parentPath) }
        return path
    }()

    /// The parent's path, for the exit handler (which cannot capture).
    fileprivate static var parentPath: String { NSTemporaryDirectory() + "coldread-tests-\(getpid())" }

    /// A new, empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> String {
        let path = parent + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
