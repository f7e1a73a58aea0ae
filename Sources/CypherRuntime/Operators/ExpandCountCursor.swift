// Expand(Count): how many relationships an expand would yield per input row, for a count over
// the expand, without building those rows.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields one row whose `count` slot holds the number of relationships that the expand `spec`
/// would follow from the input rows' start nodes (type, direction, reached node's labels, not
/// deleted) and for which every one of `filters` holds, tested in order (a filter that is not
/// true stops the test, as a chain of Filter operators would): what the sum over the counts
/// needs, with no input row changed or copied.
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
  private let spec: ExpandSpec
  private let count: Int
  private let filters: [PlanExpression]
  private let wide: Bool
  @exclusivity(unchecked) private var names: ExpandNames
  /// What the columnar way reads, once chosen.
  private var columns: Columns?
  /// False once the columnar way turned out not to apply (a filter without a column form).
  private var columnsPossible = true
  /// Relationships read so far the row-by-row way.
  private var followed = 0
  private var finished = false

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

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ExpandSpec, count: Int, filters: [PlanExpression], wide: Bool) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    self.count = count
    self.filters = filters
    self.wide = wide
    names = ExpandNames(spec)
  }

  func next() throws -> Row? {
    guard !finished else { return nil }
    finished = true
    var total = 0
    while let row = try input.next() {
      guard case .node(let from) = row[spec.from] else { continue }
      let store = ctx.store
      let types = names.types(store)
      if columns == nil && columnsPossible && !ctx.isUpdating && worthColumns(store) {
        columns = prepareColumns(types, store)
        columnsPossible = columns != nil
      }
      if let columns {
        total += counted(from.id, columns)
      } else {
        total += try counted(from.id, store.adjacent(to: from.id, direction: spec.direction, typeIDs: types), row)
      }
      try ctx.checkCancelled()
    }
    var out = Row(repeating: .null, count: ctx.rowWidth)
    out[count] = .int(Int64(total))
    return out
  }

  /// Whether to switch to columns: the planner expects the rows to follow much of the graph, or
  /// the rows so far have followed an eighth of what building the columns reads.
  private func worthColumns(_ store: GraphStore) -> Bool {
    wide || followed * 8 >= store.relationshipCount + store.nodeIDLimit
  }

  /// The columns for this expand, or nil when the filter has no column form.
  private func prepareColumns(_ types: [TypeID]?, _ store: GraphStore) -> Columns? {
    var compiled: EndpointFilter?
    if !filters.isEmpty {
      guard let f = EndpointFilter.compile(filters, from: spec.from, to: spec.to, ctx) else { return nil }
      compiled = f
    }
    let labels = names.checksLabels ? store.resolve(labels: spec.toLabels).map { store.labelWords($0) } ?? [] : nil
    return Columns(adjacency: ctx.columns.adjacency(spec.direction, types, of: store), filter: compiled, labels: labels)
  }

  /// The count read from columns.
  private func counted(_ from: Int64, _ columns: Columns) -> Int {
    let range = columns.adjacency.range(from)
    ctx.dbHits += range.count
    guard columns.filters || columns.labels != nil else { return range.count }
    return columns.adjacency.neighbours.withUnsafeBufferPointer { neighbours in
      (columns.labels ?? []).withUnsafeBufferPointer { words in
        let reached = UnsafeBufferPointer(rebasing: neighbours[range])
        let labels = columns.labels == nil ? nil : words
        return columns.filter.count(from: from, reached, among: labels)
      }
    }
  }

  /// Whether every filter holds for `row`, testing them in order up to the first that does not.
  private func holds(_ row: Row) throws -> Bool {
    for filter in filters where try ctx.truth(ctx.eval(filter, row)) != true { return false }
    return true
  }

  /// The count read row by row from `entries`, the node's relationships of the expand's types.
  private func counted(_ from: Int64, _ entries: [AdjacentRelationship], _ input: Row) throws -> Int {
    ctx.dbHits += entries.count
    followed += entries.count
    if filters.isEmpty && !names.checksLabels && ctx.deletedRelationships.isEmpty { return entries.count }
    var row = input
    var n = 0
    for entry in entries {
      if !ctx.deletedRelationships.isEmpty && ctx.deletedRelationships[entry.id] != nil { continue }
      if names.checksLabels && !names.reaches(entry.neighbour, ctx.store) { continue }
      if !filters.isEmpty {
        row[spec.relationship] = .relationship(Relationship(id: entry.id))
        row[spec.to] = .node(Node(id: entry.neighbour))
        guard try holds(row) else { continue }
      }
      n += 1
    }
    return n
  }
}
