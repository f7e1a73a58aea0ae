// The result of the connected-components algorithms in the embedding API: a component number per
// projected node held in arrays by dense node index (the projection's own tables, shared rather
// than copied), so that a result over a large graph costs no per-node hashing to build.

/// The weakly or strongly connected components of a graph: each projected node's component
/// number, in `0..<componentCount`, with components numbered in order of their lowest node id.
///
/// Look a node up by id with `components[id]`; iterate to get every `(nodeID, component)` pair
/// in ascending node id order.
public struct ConnectedComponents: Sendable, Sequence {
  /// Ids of the projected nodes, ascending; position `i` is dense node index `i`.
  private let nodeIDs: ContiguousArray<Int64>
  /// Component number of each dense node index.
  private let components: [Int]
  /// Dense index of each node id, or -1 for an id that is not projected.
  private let indexOfID: [Int32]
  /// Number of nodes in each component, indexed by component number.
  public let sizes: [Int]

  /// - Parameters:
  ///   - nodeIDs: the node ids in ascending order.
  ///   - components: a component number in `0..<k` for each node of `nodeIDs`, every number used.
  ///   - indexOfID: for each node id below its count, the position of that id in `nodeIDs`, or -1.
  init(nodeIDs: ContiguousArray<Int64>, components: [Int], indexOfID: [Int32]) {
    self.nodeIDs = nodeIDs
    self.components = components
    self.indexOfID = indexOfID
    var sizes: [Int] = []
    for c in components {
      if c >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: c + 1 - sizes.count)) }
      sizes[c] += 1
    }
    self.sizes = sizes
  }

  /// Number of nodes (not components).
  public var count: Int { nodeIDs.count }

  public var underestimatedCount: Int { nodeIDs.count }

  /// Number of components.
  public var componentCount: Int { sizes.count }

  /// The component number of the node with id `nodeID`, or nil when that node was not in the
  /// projected graph.
  /// - Complexity: O(1).
  public subscript(nodeID: Int64) -> Int? {
    guard nodeID >= 0, nodeID < indexOfID.count else { return nil }
    let i = Int(indexOfID[Int(nodeID)])
    return i >= 0 ? components[i] : nil
  }

  /// Ids of the nodes in component `component` (empty when there is no such component), ascending.
  /// - Complexity: O(n).
  public func nodeIDs(inComponent component: Int) -> [Int64] {
    zip(nodeIDs, components).filter { $0.1 == component }.map(\.0)
  }

  /// Iterates `(nodeID, component)` pairs in ascending node id order.
  public struct Iterator: IteratorProtocol {
    fileprivate let result: ConnectedComponents
    fileprivate var position = 0

    public mutating func next() -> (nodeID: Int64, component: Int)? {
      guard position < result.nodeIDs.count else { return nil }
      defer { position += 1 }
      return (result.nodeIDs[position], result.components[position])
    }
  }

  public func makeIterator() -> Iterator { Iterator(result: self) }
}
