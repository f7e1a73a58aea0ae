// The relationships of one direction and set of types laid out as one compressed sparse row
// table by node id, for operators that follow the relationships of most nodes and would
// otherwise reach each node's own adjacency lists, one scattered allocation per node.
import GraphCore

/// For every node id, the far ends of its relationships of some types in one direction, stored
/// contiguously: node `i`'s neighbours are `neighbours[offsets[i]..<offsets[i + 1]]`, in the
/// order `GraphStore.adjacent(to:direction:typeIDs:)` gives them, and `ids`, when built, holds
/// the relationships at the same positions.
package struct AdjacencyColumn: Sendable {
  package let offsets: [Int]
  package let neighbours: [Int64]
  /// Empty unless asked for (they double the column's size).
  package let ids: [Int64]

  /// The range of node `id`'s neighbours in `neighbours` (empty for an id out of range).
  @inline(__always)
  package func range(_ id: Int64) -> Range<Int> {
    guard id >= 0, Int(id) + 1 < offsets.count else { return 0..<0 }
    return offsets[Int(id)]..<offsets[Int(id) + 1]
  }
}

extension GraphStore {
  /// Builds the adjacency column of `direction` and `typeIDs` (nil: every type), with the
  /// relationship ids when `withIDs`.
  /// - Complexity: O(n + m) for n node ids and m relationships followed.
  package func adjacencyColumn(direction: Direction, typeIDs: [TypeID]?, withIDs: Bool) -> AdjacencyColumn {
    if let column = columnOfRows(direction: direction, typeIDs: typeIDs, withIDs: withIDs) { return column }
    var offsets = [Int](repeating: 0, count: nodes.count + 1)
    var neighbours: [Int64] = []
    var ids: [Int64] = []
    for i in 0..<nodes.count {
      for entry in adjacentEntries(to: Int64(i), direction: direction, typeIDs: typeIDs) {
        neighbours.append(entry.neighbour)
        if withIDs { ids.append(entry.id) }
      }
      offsets[i + 1] = neighbours.count
    }
    return AdjacencyColumn(offsets: offsets, neighbours: neighbours, ids: ids)
  }

  /// The column copied straight from the compact rows, with nothing read per node, when they
  /// alone hold every relationship (no delta, none deleted since they were built) and the column
  /// is of one direction and of every type or one: nil otherwise.
  /// - Complexity: O(n + m) for n node ids and m entries in the rows, with no allocation per node.
  private func columnOfRows(direction: Direction, typeIDs: [TypeID]?, withIDs: Bool) -> AdjacencyColumn? {
    guard direction != .both, let base = tables.adjacencyBase, tables.deltaCount == 0, tables.baseDeletions == 0,
      tables.unlinked == 0, typeIDs.map({ $0.count == 1 }) ?? true
    else { return nil }
    let rows = direction == .outgoing ? base.outgoing : base.incoming
    let n = nodes.count
    // Nodes created after the rows were built have no entries.
    let built = min(rows.offsets.count - 1, n)
    if let type = typeIDs?.first, !rows.types.isEmpty {
      // One type of several: each node's segment of it.
      var offsets = [Int](repeating: 0, count: n + 1)
      var neighbours: [Int64] = []
      var ids: [Int64] = []
      for node in 0..<built {
        for k in rows.segment(rows.row(node), type: type) {
          neighbours.append(Int64(rows.neighbours[k]))
          if withIDs { ids.append(Int64(rows.ids[k])) }
        }
        offsets[node + 1] = neighbours.count
      }
      for node in built..<n { offsets[node + 1] = neighbours.count }
      return AdjacencyColumn(offsets: offsets, neighbours: neighbours, ids: ids)
    }
    if let type = typeIDs?.first, type != TypeID(rows.onlyType) {
      // The only type in the rows is another one.
      return AdjacencyColumn(offsets: [Int](repeating: 0, count: n + 1), neighbours: [], ids: [])
    }
    var offsets = rows.offsets[...built].map { Int($0) }
    offsets += repeatElement(offsets[built], count: n - built)
    return AdjacencyColumn(
      offsets: offsets, neighbours: rows.neighbours.map { Int64($0) }, ids: withIDs ? rows.ids.map { Int64($0) } : [])
  }
}
