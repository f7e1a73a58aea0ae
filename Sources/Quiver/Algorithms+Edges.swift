// The relationships of an analytics projection as dense index pairs, for the shell's reports:
// they count shortest paths, sum edges between communities and draw the graph from the same
// nodes and relationships the algorithms of `db.algorithms` see.
import CypherRuntime
import GraphAlgorithms

/// The projected nodes (dense indices 0..<n, in node id order) and every projected relationship
/// once, as stored (the direction a report applies is its own business).
package struct AnalyticsEdges: Sendable {
  /// Node id of each dense index, ascending.
  package let nodeIDs: [Int64]
  /// Dense index of the start node of each relationship.
  package let sources: [Int32]
  /// Dense index of the end node of each relationship.
  package let targets: [Int32]
  /// Weight of each relationship when the graph has a weight property, else nil.
  package let weights: [Double]?
  /// Relationship id of each relationship.
  package let relationshipIDs: [Int64]

  package init(nodeIDs: [Int64], sources: [Int32], targets: [Int32], weights: [Double]?, relationshipIDs: [Int64]) {
    self.nodeIDs = nodeIDs
    self.sources = sources
    self.targets = targets
    self.weights = weights
    self.relationshipIDs = relationshipIDs
  }
}

extension GraphAnalytics {
  /// The nodes and relationships `graph` selects (labels, types, weight property), each
  /// relationship once in its stored direction; `graph.direction` is not applied.
  /// - Throws: when the weight property holds a non-numeric value.
  /// - Complexity: O(n + m) over the selected nodes and relationships.
  package func edges(_ graph: AnalyticsGraph) throws -> AnalyticsEdges {
    var stored = graph
    stored.direction = .outgoing
    stored.aggregation = .none
    let projection = try GraphProjection(store, stored.spec(.outgoing))
    let csr = projection.graph
    var sources: [Int32] = []
    var targets: [Int32] = []
    var relationships: [Int64] = []
    sources.reserveCapacity(csr.edgeCount)
    targets.reserveCapacity(csr.edgeCount)
    relationships.reserveCapacity(csr.edgeCount)
    for node in 0..<csr.nodeCount {
      for slot in csr.outOffsets[node]..<csr.outOffsets[node + 1] {
        sources.append(Int32(node))
        targets.append(csr.outTargets[slot])
        relationships.append(projection.relationshipID(slot: slot))
      }
    }
    return AnalyticsEdges(
      nodeIDs: Array(csr.nodeIDs), sources: sources, targets: targets, weights: csr.outWeights.map(Array.init),
      relationshipIDs: relationships)
  }
}
