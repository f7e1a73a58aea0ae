// The operator tree the planner builds and the runtime executes. Every operator except
// `argument` pulls rows from an input; rows are fixed-width arrays of values indexed by slot.
import GraphCore

/// How to expand from one bound node along relationships.
package struct ExpandSpec: Sendable {
  package var from: Int
  package var relationship: Int
  package var to: Int
  /// Relationship types to follow (all when nil), with their committed ids.
  package var types: [InternedName]?
  package var direction: Direction
  /// The end node is already bound: keep only relationships that reach it.
  package var toBound: Bool
  /// The relationship variable is already bound: keep only that relationship.
  package var relationshipBound: Bool
  /// Labels the reached node must carry, checked as it is reached (not for a bound end node).
  package var toLabels: [InternedName] = []
}

/// The values an index seek looks for, evaluated per input row.
package enum IndexBounds: Sendable {
  /// Keys equal to these values (one per indexed property).
  case equal([PlanExpression])
  /// Keys equal to any element of a list.
  case anyOf(PlanExpression)
  case range(lower: PlanExpression?, lowerInclusive: Bool, upper: PlanExpression?, upperInclusive: Bool)
  /// String keys starting with a prefix.
  case prefix(PlanExpression)
  /// Points that `point.withinBBox(key, lowerLeft, upperRight)` may accept: the keys between the
  /// two corners in index order (CRS, then x, y, z), a superset the predicate filters.
  case boundingBox(lowerLeft: PlanExpression, upperRight: PlanExpression)
  /// Points that `point.distance(key, center) < radius` (or `<=`) may accept: for Cartesian
  /// points the keys in the box around the circle, for WGS-84 every point of the CRS; a superset
  /// the predicate filters.
  case distance(center: PlanExpression, radius: PlanExpression)
}

/// A seek in a node property index. The predicate it comes from stays in the plan as a filter,
/// so the seek only has to return a superset of the matching nodes.
package struct IndexSeekSpec: Sendable {
  package var slot: Int
  package var index: String
  package var label: String
  package var bounds: IndexBounds
}

/// A seek in a relationship property index. It binds each relationship found and the nodes at its
/// ends as the pattern `(left)-[relationship]-(right)` orients them: an undirected pattern yields
/// both orientations (a self-loop once). The predicate stays in the plan as a filter.
package struct RelationshipSeekSpec: Sendable {
  package var relationship: Int
  package var left: Int
  package var right: Int
  package var index: String
  package var type: String
  /// The pattern's direction read from `left` to `right`.
  package var direction: Direction
  package var bounds: IndexBounds
}

/// An expand that only counts (see `PlanOperator.expandCount`): the relationships it would
/// follow over all input rows for which every one of `filters` holds, tested in order as stacked
/// Filter operators would, and that differ from the relationships in `unique` (relationship
/// uniqueness, tested after the first `uniqueAfter` filters); or, with `distinctNodes`, the
/// distinct nodes those relationships reach.
package struct ExpandCountSpec: Sendable {
  package var expand: ExpandSpec
  /// Receives the count.
  package var count: Int
  package var filters: [PlanExpression]
  /// Single-relationship slots that must all differ, the expand's own among them (empty: no
  /// uniqueness to check).
  package var unique: [Int]
  package var uniqueAfter: Int
  package var distinctNodes: Bool
  /// The planner expects the input rows to follow a good part of the graph's relationships, so
  /// that reading them from columns (built once per graph version) pays from the first row.
  package var wide: Bool
}

/// A count of the nodes of a scan grouped by one of their properties (see
/// `PlanOperator.nodeCountByProperty`).
package struct PropertyCountSpec: Sendable {
  /// The scanned node's slot (for EXPLAIN).
  package var slot: Int
  /// The scanned label (every node when nil) and the grouping key, with their committed ids.
  package var label: InternedName?
  package var key: InternedName
  /// Receives the property's value (null for the nodes without it).
  package var keySlot: Int
  /// Each receives the count.
  package var countSlots: [Int]
}

/// One relationship of what a variable-length expand repeats: for `-[*]->` and a quantified
/// relationship the only one, for a quantified path pattern of several relationships one of
/// them, in the order the walk takes them.
package struct VarExpandHop: Sendable {
  /// Relationship types to follow (all when nil), with their committed ids.
  package var types: [InternedName]?
  package var direction: Direction
  /// Slot each candidate relationship is placed in while `predicate` checks it.
  package var scratch: Int
  /// For a quantified path pattern: slots the node the hop leaves and the node it reaches are
  /// placed in while `predicate` checks it (the earlier hops of the repetition stay placed).
  package var near: Int? = nil
  package var far: Int? = nil
  package var predicate: PlanExpression?
}

/// How to expand a variable-length relationship pattern, a quantified relationship or a
/// quantified path pattern: `hops` repeated between `minHops` and `maxHops` times.
package struct VarExpandSpec: Sendable {
  package var from: Int
  /// Slot receiving the list of relationships walked.
  package var relationships: Int
  package var to: Int
  /// The relationships one repetition walks, in walk order (never empty).
  package var hops: [VarExpandHop]
  /// Bounds on the number of repetitions of `hops`.
  package var minHops: Int
  package var maxHops: Int?
  package var toBound: Bool
  /// For a quantified path pattern (its group variables): for each node position of a
  /// repetition in walk order (one more than the hops), the slot receiving the list of the
  /// nodes at that position, one per repetition; nil where no variable is named.
  package var nodeLists: [Int?] = []
  /// Likewise for each hop of a repetition, the list of the relationships it walked.
  package var relationshipLists: [Int?] = []
  /// REPEATABLE ELEMENTS: a walk may use a relationship more than once.
  package var repeatable = false

}

/// A bound aggregate call.
package struct AggregateSpec: Sendable {
  /// A built-in aggregate or one an embedder registered.
  package enum Kind: Sendable {
    case builtIn(AggregateFunction)
    case user(UserAggregateFunction)
  }

  package var kind: Kind
  package var distinct: Bool
  /// nil for count(*).
  package var arguments: [PlanExpression]?

  package init(function: AggregateFunction, distinct: Bool, arguments: [PlanExpression]?) {
    self.kind = .builtIn(function)
    self.distinct = distinct
    self.arguments = arguments
  }

  package init(user: UserAggregateFunction, distinct: Bool, arguments: [PlanExpression]) {
    self.kind = .user(user)
    self.distinct = distinct
    self.arguments = arguments
  }

  /// The built-in function, nil for a user-defined one.
  package var function: AggregateFunction? {
    if case .builtIn(let f) = kind { return f }
    return nil
  }

  /// The name EXPLAIN prints.
  package var name: String {
    switch kind {
    case .builtIn(let f): return f.rawValue
    case .user(let u): return u.name
    }
  }
}

/// One element CREATE makes.
package enum CreateStep: Sendable {
  case node(slot: Int, labels: [InternedName], properties: PlanExpression?)
  /// A relationship of `type`, or of the type `dynamicType` gives for the row (`:$(expr)`).
  case relationship(slot: Int, type: InternedName, dynamicType: PlanExpression?, from: Int, to: Int, properties: PlanExpression?)
  case path(slot: Int, [PathElement])
}

/// One SET item, bound.
package enum SetOperation: Sendable {
  case property(target: PlanExpression, key: InternedName, value: PlanExpression)
  case replaceProperties(target: PlanExpression, value: PlanExpression)
  case mergeProperties(target: PlanExpression, value: PlanExpression)
  case addLabels(target: PlanExpression, labels: [InternedName])
  /// `target[key] = value`, the key computed per row.
  case dynamicProperty(target: PlanExpression, key: PlanExpression, value: PlanExpression)
  /// `n:$(expr)`: each expression gives a label or a list of labels.
  case addDynamicLabels(target: PlanExpression, labels: [PlanExpression])
}

/// One REMOVE item, bound.
package enum RemoveOperation: Sendable {
  case property(target: PlanExpression, key: InternedName)
  case labels(target: PlanExpression, labels: [InternedName])
  /// `REMOVE target[key]`.
  case dynamicProperty(target: PlanExpression, key: PlanExpression)
  /// `REMOVE n:$(expr)`.
  case dynamicLabels(target: PlanExpression, labels: [PlanExpression])
}

/// MERGE: match `match` per input row; when nothing matches, run `create`.
package struct MergeSpec: Sendable {
  package var match: PlanOperator
  package var create: [CreateStep]
  /// Predicates the created pattern must not be null in (`MERGE (n {k: null})` is an error).
  package var nullChecks: [(PlanExpression, String)]
  package var onCreate: [SetOperation]
  package var onMatch: [SetOperation]
}

/// A bound procedure call.
package struct ProcedureCallSpec: Sendable {
  package var name: String
  package var arguments: [PlanExpression]
  /// (output column index, slot) for each yielded column.
  package var yields: [(Int, Int)]
  package var argumentTypes: [CypherType]
  /// For a standalone CALL without parentheses, the default of each optional parameter, taken
  /// when the query parameter of that name is missing; all nil when the call lists its
  /// arguments (those it leaves out are constants already, and a missing `$p` is an error).
  package var argumentDefaults: [Value?]
  /// The procedure declares no outputs: each input row passes through once.
  package var isVoid: Bool
}

/// A physical operator and its inputs.
package indirect enum PlanOperator: Sendable {
  /// Yields the argument row once (the leaf of every plan and sub-plan).
  case argument
  /// Every node, or every node carrying `label` (with its committed id when it has one).
  case nodeScan(PlanOperator, slot: Int, label: InternedName?)
  case nodeIndexSeek(PlanOperator, IndexSeekSpec)
  case relationshipIndexSeek(PlanOperator, RelationshipSeekSpec)
  /// Every node with `label` in the order of `index` (nodes without the property last when
  /// ascending, first when descending, as ORDER BY places nulls).
  case nodeIndexScan(PlanOperator, slot: Int, index: String, label: String, ascending: Bool)
  case expand(PlanOperator, ExpandSpec)
  /// An expand to a new node (`ExpandSpec.toBound` false) followed at once by the expand that
  /// closes a cycle from that node back to one bound before both, as in a triangle's last step.
  /// Run together, the rows that do not close are never built.
  case expandClosing(PlanOperator, ExpandSpec, closing: ExpandSpec)
  /// One row with the count `spec` describes: what a count over an expand needs, without a row
  /// per relationship.
  case expandCount(PlanOperator, ExpandCountSpec)
  /// One row per distinct value of a property over the nodes of a label (or every node), with
  /// how many nodes have it times the number of input rows: a grouping count over a node scan,
  /// without a row per node.
  case nodeCountByProperty(PlanOperator, PropertyCountSpec)
  case varExpand(PlanOperator, VarExpandSpec)
  case shortestPath(PlanOperator, ShortestPathSpec)
  /// A path selector keeping more than one path (or over a pattern shortestPath does not take):
  /// for each input row, the rows of `inner` (the pattern's matches), partitioned by their start
  /// and end nodes, and of each partition those the selector keeps.
  case selectPaths(PlanOperator, inner: PlanOperator, PathSelectSpec)
  case filter(PlanOperator, PlanExpression)
  case project(PlanOperator, [(Int, PlanExpression)])
  case aggregate(PlanOperator, keys: [(Int, PlanExpression)], aggregates: [(Int, AggregateSpec)])
  case distinct(PlanOperator, [Int])
  case sort(PlanOperator, [(PlanExpression, Bool)])
  case skip(PlanOperator, PlanExpression)
  case limit(PlanOperator, PlanExpression)
  case unwind(PlanOperator, PlanExpression, slot: Int)
  /// For each input row, the rows of `inner`; when there are none, the row with `nulls` set to null.
  case optional(PlanOperator, inner: PlanOperator, nulls: [Int])
  /// A CALL subquery: for each input row, `inner` run with that row as argument. A returning
  /// subquery yields the input row once per inner row, with the inner row's `outputs` slots
  /// copied over; a unit subquery (`outputs` nil) runs `inner` for its changes and yields the
  /// input row once.
  case apply(PlanOperator, inner: PlanOperator, outputs: [Int]?)
  /// Runs `build` once, hashes its rows on `buildKey`, then for each input row yields it merged
  /// with every build row whose key equals `probeKey` (copying `buildSlots` over).
  case hashJoin(PlanOperator, build: PlanOperator, probeKey: PlanExpression, buildKey: PlanExpression, buildSlots: [Int])
  case relationshipsUnique(PlanOperator, singles: [Int], lists: [Int])
  case create(PlanOperator, [CreateStep])
  case merge(PlanOperator, MergeSpec)
  case set(PlanOperator, [SetOperation])
  case remove(PlanOperator, [RemoveOperation])
  case delete(PlanOperator, [PlanExpression], detach: Bool)
  /// For each input row and each element of `list`, runs `inner` to completion; passes the row on.
  case foreach(PlanOperator, slot: Int, list: PlanExpression, inner: PlanOperator)
  case procedureCall(PlanOperator, ProcedureCallSpec)
  /// A MATCH's SEARCH: per input row, binds each nearest neighbour of a vector index search.
  case vectorSearch(PlanOperator, VectorSearchSpec)
  /// Rows of every branch in turn, each projected into the shared output slots; `distinct`
  /// removes duplicates over those slots.
  case union([PlanOperator], outputs: [Int], distinct: Bool)
  /// Pulls every input row before yielding the first, so that writes finish before later reads.
  case eager(PlanOperator)
  /// LOAD CSV: for each input row, one row per record of the file its URL names, streamed.
  case loadCSV(PlanOperator, LoadCSVSpec)
  /// `CALL { … } IN TRANSACTIONS`: `apply` over batches of input rows, each batch's changes
  /// committed on their own (see `TransactionBatchSpec`).
  case applyInTransactions(PlanOperator, inner: PlanOperator, outputs: [Int]?, TransactionBatchSpec)
}

/// A bound LOAD CSV.
package struct LoadCSVSpec: Sendable {
  /// The file URL, evaluated per input row.
  package var url: PlanExpression
  /// Receives each record: a list of strings, or with `withHeaders` a map keyed by the header.
  package var slot: Int
  package var withHeaders: Bool
  /// The byte between fields.
  package var delimiter: UInt8
  /// Receive the record's line number and the file's path, read by `linenumber()` and `file()`.
  package var lineSlot: Int
  package var fileSlot: Int
}

/// How `CALL { … } IN TRANSACTIONS` batches its input rows and treats a failing batch.
package struct TransactionBatchSpec: Sendable {
  /// What a failing batch does to the statement.
  package enum OnError: Sendable {
    /// The statement fails; the batches committed before stay committed.
    case fail
    /// The batch is rolled back; the following batches still run.
    case `continue`
    /// The batch is rolled back; no further batch runs.
    case `break`
  }
  /// Rows per batch (`OF n ROWS`; a parameter is read when the statement starts).
  package var size: PlanExpression
  package var onError: OnError
  /// Receives each row's status map for `REPORT STATUS AS`.
  package var statusSlot: Int?
}

/// What a path selector keeps of each partition of a pattern's matches (see
/// `PlanOperator.selectPaths`), and where a match's start, end and relationships are.
package struct PathSelectSpec: Sendable {
  /// How many paths (or groups of paths of one length) a partition keeps.
  package enum Keep: Sendable, Equatable {
    /// `SHORTEST k`: the k shortest paths.
    case shortest(Int)
    /// `SHORTEST k GROUPS` (`ALL SHORTEST` is one group): every path of the k shortest lengths.
    case groups(Int)
    /// `ANY k`: any k paths.
    case any(Int)
  }

  package var keep: Keep
  /// Slots of the nodes a match starts and ends at.
  package var start: Int
  package var end: Int
  /// The match's length: `singles` relationships plus the sizes of the `lists` slots.
  package var singles: Int
  package var lists: [Int]
  /// The count of `keep` when a parameter gives it (`SHORTEST $k`): read once per run, it
  /// replaces the placeholder count of `keep`.
  package var count: PlanExpression? = nil
}

/// shortestPath / allShortestPaths between two bound nodes.
package struct ShortestPathSpec: Sendable {
  package var from: Int
  package var to: Int
  package var path: Int
  package var relationships: Int
  /// Relationship types to follow (all when nil), with their committed ids.
  package var types: [InternedName]?
  package var direction: Direction
  package var minHops: Int
  package var maxHops: Int?
  package var all: Bool
  package var scratch: Int
  package var predicate: PlanExpression?
}

/// A compiled statement: the operator tree, the result columns and the row width.
package struct CompiledQuery: Sendable {
  package var root: PlanOperator
  /// Column names and the slots they are read from.
  package var columns: [(String, Int)]
  package var slotCount: Int
  /// True when the statement may change the graph.
  package var isUpdating: Bool
  package var mode: ExecutionMode
  /// Parameters the statement reads; all must be supplied.
  package var parameterNames: Set<String>
  /// The user's variable name for slots that have one (for EXPLAIN).
  package var slotNames: [Int: String]
  /// The labels, types and keys the statement reads by name, and its cartesian products, for
  /// the notifications of each run (filled in by whoever has the statement's AST).
  package var names = NameUses()
  /// The statement has a CALL subquery IN TRANSACTIONS, so it commits batch by batch and may
  /// run only in an implicit (auto-commit) transaction.
  package var batchesTransactions = false
  /// The deepest nesting of the statement's text, checked against a database's lower nesting
  /// limit each run (the plan is cached across limits; filled in from the AST).
  package var nestingDepth = 0
}
