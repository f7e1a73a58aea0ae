// The result of the connected-components algorithms in the embedding API: a component number per
// projected node as `NodeValues` over the projection's own tables, with the size of each
// component, so that a result over a large graph costs no per-node hashing to build.

/// The weakly or strongly connected components of a graph: each projected node's component
/// number, in `0..<componentCount`, with components numbered in order of their lowest node id.
///
/// Look a node up by id with `components[id]`; iterate to get every `(nodeID, component)` pair
/// in ascending node id order.
public struct ConnectedComponents: Sendable, Sequence {
  /// The component number of each node.
  public let components: NodeValues<Int>
  /// Number of nodes in each component, indexed by component number.
  public let sizes: [Int]

  /// - Parameter components: a component number in `0..<k` for each node, every number used.
  init(_ components: NodeValues<Int>) {
    self.components = components
    var sizes: [Int] = []
    for c in components.values {
      if c >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: c + 1 - sizes.count)) }
      sizes[c] += 1
    }
    self.sizes = sizes
  }

  /// Number of nodes (not components).
  public var count: Int { components.count }

  public var underestimatedCount: Int { components.count }

  /// Number of components.
  public var componentCount: Int { sizes.count }

  /// The component number of the node with id `nodeID`, or nil when that node was not in the
  /// projected graph.
  /// - Complexity: O(1).
  public subscript(nodeID: Int64) -> Int? { components[nodeID] }

  /// Ids of the nodes in component `component` (empty when there is no such component), ascending.
  /// - Complexity: O(n).
  public func nodeIDs(inComponent component: Int) -> [Int64] {
    components.filter { $0.value == component }.map(\.nodeID)
  }

  /// Iterates `(nodeID, component)` pairs in ascending node id order.
  public struct Iterator: IteratorProtocol {
    fileprivate var pairs: NodeValues<Int>.Iterator

    public mutating func next() -> (nodeID: Int64, component: Int)? {
      pairs.next().map { ($0.nodeID, $0.value) }
    }
  }

  public func makeIterator() -> Iterator { Iterator(pairs: components.makeIterator()) }
}
