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
    var offsets = [Int](repeating: 0, count: nodes.count + 1)
    var neighbours: [Int64] = []
    var ids: [Int64] = []
    let whole = typeIDs.map { $0.count == 1 } ?? true
    for i in 0..<nodes.count {
      if whole, let (rows, range) = rowsOnly(of: Int64(i), direction: direction, type: typeIDs?.first) {
        // Straight from the compact rows, with no list built per node.
        for k in range {
          neighbours.append(Int64(rows.neighbours[k]))
          if withIDs { ids.append(Int64(rows.ids[k])) }
        }
      } else {
        for entry in adjacent(to: Int64(i), direction: direction, typeIDs: typeIDs) {
          neighbours.append(entry.neighbour)
          if withIDs { ids.append(entry.id) }
        }
      }
      offsets[i + 1] = neighbours.count
    }
    return AdjacencyColumn(offsets: offsets, neighbours: neighbours, ids: ids)
  }
}
