// A node's relationships in one direction read in place: positions of the compact rows when they
// alone hold the node's relationships, else the list `adjacent(to:direction:typeIDs:)` builds.
// Operators that follow one node's relationships per input row read them through this view, so a
// node held in the rows costs no array. Its columns are visible to the package: the runtime's
// cursors read an entry through their own inlined accessor (CypherRuntime's
// AdjacentEntries+Read.swift), since a call across the module boundary per entry retained and
// released the view's arrays each time (Q7 took 1.4x the instructions so).
import GraphCore

/// The relationships `GraphStore.adjacent(to:direction:typeIDs:)` gives, in the same order,
/// without an array built for a node whose relationships all sit in the compact rows. Indices
/// run from `startIndex` (not always 0) to `endIndex`.
package struct AdjacentEntries: RandomAccessCollection, Sendable {
  /// The rows' columns (empty when `list` holds the entries).
  package let neighbours: [UInt32]
  package let ids: [UInt32]
  /// The entries when they do not come from the rows.
  package let list: [AdjacentRelationship]
  package let inRows: Bool
  package let startIndex: Int
  package let endIndex: Int

  /// No relationships.
  package init() {
    self.init([])
  }

  /// The entries of `list`, at positions 0..<list.count.
  package init(_ list: [AdjacentRelationship]) {
    neighbours = []
    ids = []
    self.list = list
    inRows = false
    startIndex = 0
    endIndex = list.count
  }

  /// The entries of `neighbours` and `ids` (one direction's rows) at `range`.
  init(neighbours: [UInt32], ids: [UInt32], _ range: Range<Int>) {
    self.neighbours = neighbours
    self.ids = ids
    list = []
    inRows = true
    startIndex = range.lowerBound
    endIndex = range.upperBound
  }

  @inline(__always)
  package subscript(i: Int) -> AdjacentRelationship {
    inRows ? AdjacentRelationship(id: Int64(ids[i]), neighbour: Int64(neighbours[i])) : list[i]
  }
}

extension GraphStore {
  /// The relationships at `node` in `direction` of `typeIDs` (nil: all types), as
  /// `adjacent(to:direction:typeIDs:)` gives them, read in place from the compact rows when they
  /// alone hold them (one type or all types, one direction, none deleted since the rows were
  /// built, none in the delta); otherwise that function's list.
  package func adjacentEntries(to node: Int64, direction: Direction, typeIDs: [TypeID]?) -> AdjacentEntries {
    let outgoing: Bool
    switch direction {
    case .outgoing: outgoing = true
    case .incoming: outgoing = false
    case .both: return AdjacentEntries(adjacent(to: node, direction: direction, typeIDs: typeIDs))
    }
    // A node out of range or deleted has no entries in the rows unless some were deleted since
    // they were built (then the list is read), so its existence need not be looked up.
    if let base = tables.adjacencyBase, tables.baseDeletions == 0, node >= 0, node < nodes.count,
      typeIDs.map({ $0.count == 1 }) ?? true,
      tables.deltaCount == 0 || (outgoing ? nodes[Int(node)].outgoing.isEmpty : nodes[Int(node)].incoming.isEmpty)
    {
      return base.entries(of: Int(node), outgoing: outgoing, type: typeIDs?.first)
    }
    return AdjacentEntries(adjacent(to: node, direction: direction, typeIDs: typeIDs))
  }
}

extension AdjacencyBase {
  /// Node `node`'s entries in one direction, of `type` (nil: all), read in place.
  func entries(of node: Int, outgoing: Bool, type: TypeID?) -> AdjacentEntries {
    // Each direction's rows passed as they are stored, not copied into a local first (a copy
    // retained and released all four columns per node read).
    outgoing ? Self.entries(self.outgoing, node, type) : Self.entries(incoming, node, type)
  }

  private static func entries(_ rows: borrowing AdjacencyRows, _ node: Int, _ type: TypeID?) -> AdjacentEntries {
    let row = rows.row(node)
    return AdjacentEntries(neighbours: rows.neighbours, ids: rows.ids, type.map { rows.segment(row, type: $0) } ?? row)
  }
}
