// The plan of an EXPLAIN or PROFILE statement as a tree of operators, the structured form of
// `ResultSummary.plan`'s text: what Bolt's and HTTP's plan/profile summaries carry, so servers
// and tools read operators, variables, estimates and measurements without parsing text.
import CypherPlanner

/// One operator of a statement's plan, with the operators that feed it as `children`.
public struct PlanDescription: Sendable, Hashable {
  /// The operator's name: `ProduceResults` at the root, then `NodeByLabelScan`, `Expand(All)`,
  /// `Filter`, `EagerAggregation`, … as the plan text shows them.
  public let operatorType: String
  /// What the operator works on: its pattern, variables, label or index, as in the plan text.
  public let details: String
  /// The variables in scope after this operator (user-visible names), sorted.
  public let identifiers: [String]
  /// The planner's estimate of the rows the operator produces (EXPLAIN); nil under PROFILE.
  public let estimatedRows: Double?
  /// Rows the operator produced (PROFILE); nil for EXPLAIN.
  public let rows: Int?
  /// Store accesses (nodes, relationships, properties, index entries read) made by this operator
  /// alone (PROFILE); nil for EXPLAIN.
  public let dbHits: Int?
  /// Time spent in this operator alone, its children's time subtracted (PROFILE); nil
  /// otherwise and for the root.
  public let time: Duration?
  /// The operators whose rows this one consumes, in plan order.
  public let children: [PlanDescription]

  init(_ node: PlanNode) {
    operatorType = node.operatorType
    details = node.details
    identifiers = node.identifiers
    estimatedRows = node.estimatedRows
    rows = node.rows
    dbHits = node.dbHits
    time = node.time
    children = node.children.map(PlanDescription.init)
  }
}
