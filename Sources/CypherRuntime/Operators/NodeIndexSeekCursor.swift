// NodeIndexSeek: for each input row, the nodes whose indexed properties fall within the bounds,
// looked up in a property index instead of scanning a label.
import CypherPlanner
import GraphCore

/// Yields each input row extended with each node the index returns.
final class NodeIndexSeekCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: IndexSeekSpec
  private var row: Row?
  private var ids: [Int64] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: IndexSeekSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < ids.count {
        let id = ids[position]
        position += 1
        ctx.dbHits += 1
        if ctx.deletedNodes[id] != nil || !ctx.store.nodeExists(id) { continue }
        r[spec.slot] = .node(Node(id: id))
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      ids = try lookup(next)
      ctx.dbHits += 1
    }
  }

  private func lookup(_ row: Row) throws -> [Int64] {
    let store = ctx.store
    switch spec.bounds {
    case .equal(let expressions):
      let key = try expressions.map { try ctx.eval($0, row) }
      if key.contains(where: \.isNull) { return [] }
      return store.indexLookup(spec.index, equalTo: key)
    case .anyOf(let list):
      guard case .list(let items) = try ctx.eval(list, row) else { return [] }
      var seen = Set<Int64>()
      var out: [Int64] = []
      for item in items where !item.isNull {
        for id in store.indexLookup(spec.index, equalTo: [item]) where seen.insert(id).inserted {
          out.append(id)
        }
      }
      return out
    case .range(let lower, let lowerInclusive, let upper, let upperInclusive):
      let low = try lower.map { try ctx.eval($0, row) }
      let high = try upper.map { try ctx.eval($0, row) }
      if low?.isNull == true || high?.isNull == true { return [] }
      return store.indexLookup(spec.index, from: low.map { [$0] }, inclusive: lowerInclusive, to: high.map { [$0] }, inclusive: upperInclusive)
    case .prefix(let p):
      guard case .string(let prefix) = try ctx.eval(p, row) else { return [] }
      return store.indexLookup(
        spec.index, from: [.string(prefix)], inclusive: true, to: [.string(prefix + "\u{10FFFF}")], inclusive: true)
    }
  }
}
