// Settings of a database opened on a directory: how commits are made durable (an fsync each, or
// group commit with a bounded delay) and how large the write-ahead log may grow before an
// automatic checkpoint writes a snapshot and empties it.

/// Durability settings for `Database(path:readOnly:options:)`.
public struct DatabaseOptions: Sendable, Hashable {
  /// When a commit counts as done.
  public enum Durability: Sendable, Hashable {
    /// Each commit returns after its log record was written and fsynced (the default).
    case fsyncPerCommit
    /// Commits return after a shared fsync that covers every record written in the meantime.
    /// The first waiting commit waits up to `maxDelay` for others to join, then fsyncs. A commit
    /// is visible to other statements as soon as its record is written, before the fsync.
    case groupCommit(maxDelay: Duration)
  }

  public var durability: Durability
  /// Log size in bytes above which a commit triggers a checkpoint.
  public var checkpointLogSize: Int

  public init(durability: Durability = .fsyncPerCommit, checkpointLogSize: Int = 64 << 20) {
    self.durability = durability
    self.checkpointLogSize = checkpointLogSize
  }
}
