// The node-id lookup behind every per-node result of the embedding API: node ids in ascending
// order and a table from node id to position. A result over a whole projection shares the
// projection's own arrays; a result over some of its nodes gets a table of its own.

/// Node ids in ascending order and, for each id, its position among them, so that a result can
/// keep its values in a plain array by position and still be looked up by node id in O(1).
struct NodeIndex: Sendable {
  /// Node ids, ascending; position `i` is the node of a result's value `i`.
  let nodeIDs: ContiguousArray<Int64>
  /// Position in `nodeIDs` of each node id below the table's count, or -1 for an id not there.
  let positionOfID: [Int32]

  /// - Parameters:
  ///   - nodeIDs: distinct node ids, ascending.
  ///   - positionOfID: for each id below its count, the position of that id in `nodeIDs`, or -1.
  init(nodeIDs: ContiguousArray<Int64>, positionOfID: [Int32]) {
    self.nodeIDs = nodeIDs
    self.positionOfID = positionOfID
  }

  /// Number of nodes.
  var count: Int { nodeIDs.count }

  /// The position of `nodeID`, or nil when it is not in the index (negative ids never are).
  /// - Complexity: O(1).
  @inline(__always) func position(of nodeID: Int64) -> Int? {
    guard nodeID >= 0, nodeID < positionOfID.count else { return nil }
    let position = Int(positionOfID[Int(nodeID)])
    return position >= 0 ? position : nil
  }

  /// The index of the nodes at `positions` only, which must be ascending (so that the ids stay
  /// ascending); its table is as long as this one's.
  /// - Complexity: O(k) for k positions, plus filling the table.
  func restricted(to positions: [Int]) -> NodeIndex {
    var ids = ContiguousArray<Int64>()
    ids.reserveCapacity(positions.count)
    var table = [Int32](repeating: -1, count: positionOfID.count)
    for position in positions {
      let id = nodeIDs[position]
      table[Int(id)] = Int32(truncatingIfNeeded: ids.count)
      ids.append(id)
    }
    return NodeIndex(nodeIDs: ids, positionOfID: table)
  }
}
