import Foundation

/// A throwaway copy of the bundled examples (coldread.yaml, Runbooks/, Drills/) for
/// running the real `coldread` binary against, plus where that binary is.
struct DrillProject {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The debug build `swift build` leaves, which `swift test` builds too.
    static var binary: String { packageRoot + "/.build/debug/coldread" }

    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "coldread-e2e-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Drills", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.packageRoot + "/coldread.yaml", toPath: root + "/coldread.yaml")
        try fm.copyItem(atPath: Self.packageRoot + "/Runbooks", toPath: root + "/Runbooks")
        for name in try fm.contentsOfDirectory(atPath: Self.packageRoot + "/Drills") where name.hasSuffix(".yaml") {
            try fm.copyItem(atPath: Self.packageRoot + "/Drills/" + name, toPath: root + "/Drills/" + name)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The example drill command line.
    func drill(_ extra: String = "") -> String {
        "\(Self.binary) drill Runbooks/agent-wrong-answers.md --scenario Drills/wrong-answers-0217.yaml --reader ben \(extra)"
    }

    static let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    func runIds() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/Drills/runs")) ?? []).sorted()
    }

    func journal(_ runId: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: root + "/Drills/runs/\(runId)/journal.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// Children of a process (Linux /proc), to find the drill under a shell.
    static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }
}
