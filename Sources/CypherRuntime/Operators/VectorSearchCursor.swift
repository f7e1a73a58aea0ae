// A MATCH's SEARCH subclause at run time: per input row, evaluates the query vector and LIMIT,
// runs the exact search of the vector index (GraphStore.vectorSearch) and yields the row once
// per neighbour, best first, with the binding variable and the score bound.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields each input row extended with each nearest neighbour of its query vector.
final class VectorSearchCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: VectorSearchSpec
  private var row: Row?
  private var hits: [(id: Int64, score: Double)] = []
  private var position = 0

  /// The largest LIMIT the manual allows (Java's Integer.MAX_VALUE).
  static let maxLimit: Int64 = 2_147_483_647

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: VectorSearchSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < hits.count {
        let hit = hits[position]
        position += 1
        r[spec.slot] = spec.onNodes ? .node(Node(id: hit.id)) : .relationship(ctx.store.hydrateRelationship(hit.id))
        if let s = spec.scoreSlot { r[s] = .float(hit.score) }
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      hits = try search(next)
    }
  }

  /// The neighbours for one input row, best first.
  /// - Throws: `IndexNotFound` when there is no vector index of that name on the binding
  ///   variable's kind of entity; `InvalidArgumentValue` for a filter (Quiver's vector indexes
  ///   hold no additional properties), a LIMIT outside 0...2147483647 or a query vector the
  ///   index cannot compare; `InvalidArgumentType` for a LIMIT that is not an integer or a
  ///   query vector that is not a list of numbers.
  private func search(_ row: Row) throws -> [(id: Int64, score: Double)] {
    let wanted: SchemaEntity = spec.onNodes ? .node : .relationship
    guard let def = ctx.store.vectorIndex(spec.index), def.entity == wanted else {
      throw QuiverError.runtime(
        .procedure, .indexNotFound, "there is no vector index on \(spec.onNodes ? "nodes" : "relationships") named `\(spec.index)`")
    }
    if let key = spec.filterKeys.first {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "wrong property for vector search with filters: the property `\(key)` is not an additional property for vector "
          + "search with filters on the vector index `\(spec.index)`")
    }
    let limit = try ctx.eval(spec.limit, row)
    guard case .int(let k) = limit else {
      throw QuiverError.typeError("the LIMIT of SEARCH must be an INTEGER, got \(limit.typeName)")
    }
    guard (0...Self.maxLimit).contains(k) else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "the LIMIT of SEARCH must be between 0 and \(Self.maxLimit), got \(k)")
    }
    let query = try ctx.eval(spec.query, row)
    if query.isNull { return [] }
    let isNumberList: Bool
    switch query {
    case .list(let items): isNumberList = items.allSatisfy { if case .int = $0 { true } else if case .float = $0 { true } else { false } }
    case .vector: isNumberList = true
    default: isNumberList = false
    }
    guard isNumberList else {
      throw QuiverError.typeError(
        "the query vector of SEARCH must be a LIST<INTEGER NOT NULL | FLOAT NOT NULL>, got \(query.cypherText)")
    }
    if k == 0 { return [] }
    return try ctx.store.vectorSearch(spec.index, k: Int(k), query: query)
  }
}
