// The per-node result of the embedding API's analytics: a value for each node, held in an array
// in ascending node-id order next to the projection's id tables, so that a result over a large
// graph is handed back without building a dictionary, yet is still looked up by node id in O(1).

/// A value for each node of an analysed graph: a score, a cost, a community or core number.
///
/// Look a node up with `result[nodeID]` (nil for a node the result does not cover); iterate to
/// get every `(nodeID, value)` pair in ascending node-id order; `values` and `nodeIDs` are the
/// same pairs as two aligned arrays. `top(_:)` ranks comparable values, and
/// `Dictionary(result)` makes a `[Int64: Value]` for code that wants one.
public struct NodeValues<Value>: Sequence {
  /// The nodes covered, ascending, with the position of each.
  let index: NodeIndex
  /// The value of each node, in ascending node-id order (aligned with `nodeIDs`).
  public let values: [Value]

  /// - Parameters:
  ///   - index: the nodes covered.
  ///   - values: one value per node of `index`, by position.
  init(index: NodeIndex, values: [Value]) {
    // Unreachable from input: every caller maps an algorithm's per-node result over `index`.
    assert(index.count == values.count, "one value per node")
    self.index = index
    self.values = values
  }

  /// The values of some nodes of `index`: `values` has one per node of `index`, by position, and
  /// the result keeps those at the positions where `keep` holds, with a table of its own.
  /// - Complexity: O(n) for n nodes in `index`, plus the table.
  init(index: NodeIndex, values: [Value], keeping keep: (Int) -> Bool) {
    var positions: [Int] = []
    var kept: [Value] = []
    positions.reserveCapacity(values.count)
    kept.reserveCapacity(values.count)
    for position in values.indices where keep(position) {
      positions.append(position)
      kept.append(values[position])
    }
    self.init(index: index.restricted(to: positions), values: kept)
  }

  /// Number of nodes with a value.
  public var count: Int { values.count }

  /// Whether no node has a value.
  public var isEmpty: Bool { values.isEmpty }

  public var underestimatedCount: Int { values.count }

  /// Ids of the nodes with a value, ascending (aligned with `values`).
  public var nodeIDs: [Int64] { Array(index.nodeIDs) }

  /// The value of the node with id `nodeID`, or nil when the result does not cover that node
  /// (it was not in the analysed graph, or, for path costs, not reached).
  /// - Complexity: O(1).
  public subscript(nodeID: Int64) -> Value? {
    index.position(of: nodeID).map { values[$0] }
  }

  /// Iterates `(nodeID, value)` pairs in ascending node-id order.
  public struct Iterator: IteratorProtocol {
    fileprivate let nodeIDs: ContiguousArray<Int64>
    fileprivate let values: [Value]
    fileprivate var position = 0

    public mutating func next() -> (nodeID: Int64, value: Value)? {
      guard position < values.count else { return nil }
      defer { position += 1 }
      return (nodeIDs[position], values[position])
    }
  }

  public func makeIterator() -> Iterator { Iterator(nodeIDs: index.nodeIDs, values: values) }
}

extension NodeValues: Sendable where Value: Sendable {}
extension NodeValues.Iterator: Sendable where Value: Sendable {}

extension NodeValues: Equatable where Value: Equatable {
  /// Whether both cover the same nodes with equal values.
  public static func == (lhs: NodeValues, rhs: NodeValues) -> Bool {
    lhs.index.nodeIDs == rhs.index.nodeIDs && lhs.values == rhs.values
  }
}

extension Dictionary where Key == Int64 {
  /// The values of `nodeValues` keyed by node id.
  /// - Complexity: O(n), hashing every node id.
  public init(_ nodeValues: NodeValues<Value>) {
    self.init(minimumCapacity: nodeValues.count)
    for (nodeID, value) in nodeValues { self[nodeID] = value }
  }
}
