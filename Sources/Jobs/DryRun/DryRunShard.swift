import RunbookKit

/// `--shard K/N`: the share of the runbooks one CI worker dry-runs. A runbook's shard is
/// the SHA-256 of its path relative to the project (the folder of coldread.yaml), so it
/// is the same on every machine and stays put as other runbooks are added or removed;
/// the N shards together hold every runbook exactly once.
public struct DryRunShard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based: the shard a worker takes (`JOB_COMPLETION_INDEX` + 1 in Kubernetes).
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `K/N` with 1 ≤ K ≤ N; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, count <= 100_000, (1...count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The runbook files of `files` that fall in this shard.
    public func select(_ files: [String], workspaceRoot: String?) -> [String] {
        files.filter { Self.shard(of: $0, workspaceRoot: workspaceRoot, count: count) == index }
    }

    /// The 1-based shard of `file` among `count`: the first 64 bits of the SHA-256 of its
    /// project-relative path, modulo `count`.
    public static func shard(of file: String, workspaceRoot: String?, count: Int) -> Int {
        let path = RunbookIdentity.defaultId(forFile: file, workspaceRoot: workspaceRoot)
        let digest = sha256Hex(Array(path.utf8))
        let bits = UInt64(digest.prefix(16), radix: 16) ?? 0
        return Int(bits % UInt64(count)) + 1
    }
}
