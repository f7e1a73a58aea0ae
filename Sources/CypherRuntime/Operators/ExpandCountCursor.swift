// Expand(Count): how many relationships (or distinct reached nodes) an expand would yield over
// its input rows, for a count over the expand, without building those rows.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields one row whose `count` slot holds the number of relationships that the expand would
/// follow from the input rows' start nodes (type, direction, reached node's labels, not
/// deleted), for which every filter holds, tested in order (a filter that is not true stops the
/// test, as a chain of Filter operators would), and which differ from the row's other
/// relationships in `unique`; or, with `distinctNodes`, the number of distinct nodes those
/// relationships reach. No input row is changed or copied.
///
/// In a statement that does not write, when the planner expects the rows to follow a good part
/// of the graph's relationships, or once they have, it switches to columns: an adjacency column
/// for the expand and a filter over the end nodes' property columns (`EndpointFilter`). Before
/// that, and always in a statement that writes, it reads each node's adjacency and evaluates the
/// filters on a row per relationship. Getting columns costs a pass over the graph, or over the
/// filters' distinct values when they are cached, which a few rows (a count from one node, or
/// one per outer row of a subquery) should not pay.
final class ExpandCountCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: ExpandCountSpec
  private let expand: ExpandSpec
  /// The slots of `unique` other than the expand's own relationship.
  private let others: [Int]
  /// Whether each followed relationship must differ from those in `others`.
  private let checksUnique: Bool
  @exclusivity(unchecked) private var names: ExpandNames
  /// What the columnar way reads, once chosen.
  private var columns: Columns?
  /// False once the columnar way turned out not to apply (a filter without a column form).
  private var columnsPossible = true
  /// Relationships read so far the row-by-row way.
  private var followed = 0
  private var finished = false
  /// The nodes reached so far, for `distinctNodes`.
  private var reached = Set<Int64>()
  /// The ids of the row's other relationships, refilled per row.
  private var taken: [Int64] = []

  /// The columns one expand reads.
  private final class Columns {
    let adjacency: AdjacencyColumn
    /// The statement's filter, or one that always holds.
    let filter: EndpointFilter
    let filters: Bool
    /// The nodes the reached node must be among, as bitmap words (nil: no label to check).
    let labels: [UInt64]?

    init(adjacency: AdjacencyColumn, filter: EndpointFilter?, labels: [UInt64]?) {
      self.adjacency = adjacency
      self.filter = filter ?? .always()
      filters = filter != nil
      self.labels = labels
    }
  }

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ExpandCountSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    expand = spec.expand
    others = spec.unique.filter { $0 != spec.expand.relationship }
    checksUnique = spec.unique.contains(spec.expand.relationship) && !others.isEmpty
    names = ExpandNames(spec.expand)
  }

  func next() throws -> Row? {
    guard !finished else { return nil }
    finished = true
    var total = 0
    while let row = try input.next() {
      guard case .node(let from) = row[expand.from] else { continue }
      // The rows' earlier relationships must differ among themselves too (compared pairwise:
      // there are few, and no set is built per row).
      taken.removeAll(keepingCapacity: true)
      var repeats = false
      for slot in others {
        guard case .relationship(let r) = row[slot] else { continue }
        if taken.contains(r.id) { repeats = true }
        taken.append(r.id)
      }
      let store = ctx.store
      let types = names.types(store)
      if columns == nil && columnsPossible && !ctx.isUpdating && worthColumns(store) {
        columns = prepareColumns(types, store)
        columnsPossible = columns != nil
      }
      let excluded = checksUnique ? taken : []
      if let columns {
        // Column filters cannot fail, so a row that fails uniqueness is skipped at once.
        if !repeats { total += counted(from.id, columns, excluding: excluded) }
      } else if !repeats || spec.uniqueAfter > 0 {
        // The filters below the uniqueness check still run for such a row, as they would unfused.
        let entries = store.adjacentEntries(to: from.id, direction: expand.direction, typeIDs: types)
        total += try counted(from.id, entries, row, excluding: excluded, repeats: repeats)
      }
      try ctx.checkCancelled()
    }
    var out = Row(repeating: .null, count: ctx.rowWidth)
    out[spec.count] = .int(Int64(spec.distinctNodes ? reached.count : total))
    return out
  }

  /// Whether to switch to columns: the planner expects the rows to follow much of the graph, or
  /// the rows so far have followed an eighth of what building the columns reads.
  private func worthColumns(_ store: GraphStore) -> Bool {
    spec.wide || followed * 8 >= store.relationshipCount + store.nodeIDLimit
  }

  /// The columns for this expand, or nil when the filters have no column form.
  private func prepareColumns(_ types: [TypeID]?, _ store: GraphStore) -> Columns? {
    var compiled: EndpointFilter?
    if !spec.filters.isEmpty {
      guard let f = EndpointFilter.compile(spec.filters, from: expand.from, to: expand.to, ctx) else { return nil }
      compiled = f
    }
    let labels = names.checksLabels ? names.labels(store).map { store.labelWords($0) } ?? [] : nil
    let adjacency = ctx.columns.adjacency(expand.direction, types, withIDs: checksUnique, of: store)
    return Columns(adjacency: adjacency, filter: compiled, labels: labels)
  }

  /// The count read from columns (for `distinctNodes`, the reached nodes are recorded instead).
  private func counted(_ from: Int64, _ columns: Columns, excluding excluded: [Int64]) -> Int {
    let range = columns.adjacency.range(from)
    ctx.dbHits += range.count
    if !columns.filters && columns.labels == nil && excluded.isEmpty && !spec.distinctNodes { return range.count }
    return columns.adjacency.neighbours.withUnsafeBufferPointer { neighbours in
      (columns.labels ?? []).withUnsafeBufferPointer { words in
        let reachedNodes = UnsafeBufferPointer(rebasing: neighbours[range])
        let labels = columns.labels == nil ? nil : words
        guard excluded.isEmpty && !spec.distinctNodes else {
          var n = 0
          let filter = columns.filter
          // The ids are there only when uniqueness is checked (and `excluded` can be non-empty).
          for j in range where !(spec.distinctNodes && reached.contains(neighbours[j]))
            && (excluded.isEmpty || !excluded.contains(columns.adjacency.ids[j]))
            && filter.passes(from, neighbours[j], among: labels)
          {
            if spec.distinctNodes { reached.insert(neighbours[j]) }
            n += 1
          }
          return n
        }
        return columns.filter.count(from: from, reachedNodes, among: labels)
      }
    }
  }

  /// The count read row by row from `entries`, the node's relationships of the expand's types.
  /// With `repeats` (the row's other relationships repeat), only the filters below the
  /// uniqueness check run, and nothing counts.
  private func counted(_ from: Int64, _ entries: AdjacentEntries, _ input: Row, excluding excluded: [Int64], repeats: Bool) throws -> Int {
    ctx.dbHits += entries.count
    followed += entries.count
    let plain = spec.filters.isEmpty && excluded.isEmpty && !spec.distinctNodes && !repeats
    if plain && !names.checksLabels && ctx.deletedRelationships.isEmpty { return entries.count }
    var row = input
    var n = 0
    // Indexed through the runtime's own accessor, not iterated as a Collection (which calls
    // into GraphStorage per entry).
    for i in entries.startIndex..<entries.endIndex {
      let entry = entries.entry(i)
      // A node already counted counts once however many more ways reach it.
      if spec.distinctNodes && reached.contains(entry.neighbour) { continue }
      if !ctx.deletedRelationships.isEmpty && ctx.deletedRelationships[entry.id] != nil { continue }
      if names.checksLabels && !names.reaches(entry.neighbour, ctx.store) { continue }
      if !spec.filters.isEmpty {
        row[expand.relationship] = .relationship(Relationship(id: entry.id))
        row[expand.to] = .node(Node(id: entry.neighbour))
      }
      guard try holds(spec.filters[..<spec.uniqueAfter], row), !repeats, !excluded.contains(entry.id),
        try holds(spec.filters[spec.uniqueAfter...], row)
      else { continue }
      if spec.distinctNodes { reached.insert(entry.neighbour) }
      n += 1
    }
    return n
  }

  /// Whether every one of `filters` holds for `row`, testing them in order up to the first that
  /// does not.
  private func holds(_ filters: ArraySlice<PlanExpression>, _ row: Row) throws -> Bool {
    for filter in filters where try ctx.truth(ctx.eval(filter, row)) != true { return false }
    return true
  }
}
