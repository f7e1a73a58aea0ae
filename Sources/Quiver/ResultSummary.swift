// What a finished statement reports besides its rows: what it changed, how long it took, its
// plan (EXPLAIN/PROFILE), notifications, and whether it read, wrote or changed the schema. The
// shape follows what Bolt's and HTTP's summaries carry, so servers can pass it on as it is.

/// The summary of one statement, available from `ResultStream.summary` once the stream ended.
public struct ResultSummary: Sendable {
  /// The statement's text as given to `Session.run`.
  public let query: String
  /// What the statement changed.
  public let statistics: QueryStatistics
  /// Whether the statement read, wrote or changed the schema.
  public let queryType: QueryType
  /// The operator tree for EXPLAIN, with rows and times per operator for PROFILE, as text; else
  /// nil.
  public let plan: String?
  /// The same plan as a tree of operators (with estimates for EXPLAIN, measurements for
  /// PROFILE); nil when `plan` is.
  public let planDescription: PlanDescription?
  /// Warnings and hints about the statement: labels, relationship types and property keys it
  /// reads that the graph does not hold, and MATCH clauses that build cartesian products.
  public let notifications: [QueryNotification]
  /// Rows handed out before the stream ended.
  public let rowCount: Int
  /// Time from the start of the run until the first row (or the end, for a statement with no
  /// rows) was ready.
  public let timeToFirstRow: Duration
  /// Time from the start of the run until the stream ended (its last row pulled, or closed).
  public let totalTime: Duration
}

/// Whether a statement reads, writes or changes the schema: Bolt's `r`, `rw`, `w` and `s`. A
/// struct rather than an enum so that adding a kind never breaks clients.
public struct QueryType: Sendable, Hashable, CustomStringConvertible {
  /// The Bolt code: `r`, `rw`, `w` or `s`.
  public let code: String

  private init(_ code: String) { self.code = code }

  /// Reads only (also SHOW commands and procedure calls that only read). EXPLAIN reports the
  /// type of the statement it explains, without running it.
  public static let readOnly = QueryType("r")
  /// Writes and returns rows.
  public static let readWrite = QueryType("rw")
  /// Writes and returns nothing.
  public static let writeOnly = QueryType("w")
  /// Creates or drops an index or a constraint.
  public static let schemaWrite = QueryType("s")

  /// The Bolt code (`r`, `rw`, `w` or `s`), as servers send it and logs show it.
  public var description: String { code }
}

/// A warning or hint the engine attaches to a statement's summary, in the shape of Neo4j's
/// notifications (and GQL status objects), so that servers pass it on as it is and shells show it.
public struct QueryNotification: Sendable, Hashable {
  /// A stable code naming the kind of notification, Neo4j's where there is one
  /// (`Neo.ClientNotification.Statement.UnknownLabelWarning`).
  public let code: String
  /// A one-line title.
  public let title: String
  /// What the notification is about and what to do.
  public let description: String
  /// Where in the statement it applies, when known.
  public let position: SourcePosition?
  /// `WARNING` (the statement may not do what was meant) or `INFORMATION`.
  public let severity: String
  /// What it is about: `UNRECOGNIZED` (a name the graph does not hold), `PERFORMANCE`, ….
  public let category: String
  /// The GQLSTATUS code (`01N50`) and its status description, as GQL-aware clients read them.
  public let gqlStatus: String
  /// The GQL status description (`warn: unknown label. …`).
  public let statusDescription: String
}
