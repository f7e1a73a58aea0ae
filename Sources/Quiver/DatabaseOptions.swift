// Settings of a database opened on a directory: how commits are made durable (an fsync each, or
// group commit with a bounded delay) and how large the write-ahead log may grow before an
// automatic checkpoint writes a snapshot and empties it. Also the import directory LOAD CSV reads
// from, and whether a directory that lost committed transactions may be opened anyway.

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
  /// The directory `LOAD CSV FROM 'file:///name'` reads `name` in; nil for the database
  /// directory's `import/`. Files outside it cannot be loaded.
  public var importDirectory: String?
  /// Whether to open a directory whose snapshot and write-ahead log hold fewer transactions than
  /// its manifest records (the log was deleted or cut short), with a recovery warning, instead of
  /// failing with code `LostTransactions`; a damaged manifest is then ignored too. Off by default:
  /// turn it on only to salvage what is left.
  public var acceptsLostTransactions: Bool
  /// The resource limits of the database's statements (`Database.limits` changes them later).
  public var limits: ResourceLimits

  public init(
    durability: Durability = .fsyncPerCommit, checkpointLogSize: Int = 64 << 20, importDirectory: String? = nil,
    acceptsLostTransactions: Bool = false, limits: ResourceLimits = ResourceLimits()
  ) {
    self.limits = limits
    self.durability = durability
    self.checkpointLogSize = checkpointLogSize
    self.importDirectory = importDirectory
    self.acceptsLostTransactions = acceptsLostTransactions
  }
}
