// Merging parallel relationships of a projection: relationships between the same two nodes (in
// the projected direction, or either way when undirected) become one edge whose weight is the
// first, the sum, the least, the greatest or the number of the merged ones. NONE keeps them all,
// a multigraph as igraph builds it; the others give a simple graph as networkx builds it.
import GraphAlgorithms
import GraphCore

/// How a projection merges relationships joining the same pair of nodes (GDS's names).
package enum ProjectionAggregation: String, Sendable, Hashable, CaseIterable {
  /// Keep every relationship (a multigraph).
  case none = "NONE"
  /// One edge per pair, weighted as the first relationship.
  case single = "SINGLE"
  /// One edge per pair, weighted by the sum of the weights.
  case sum = "SUM"
  /// One edge per pair, weighted by the least weight.
  case min = "MIN"
  /// One edge per pair, weighted by the greatest weight.
  case max = "MAX"
  /// One edge per pair, weighted by the number of relationships merged (the weight property,
  /// if any, is not read).
  case count = "COUNT"
}

extension ProjectionSpec {
  /// The outgoing, unaggregated projection this one is derived from.
  var raw: ProjectionSpec {
    var spec = self
    spec.direction = .outgoing
    spec.aggregation = .none
    return spec
  }
}

extension GraphProjection {
  /// This projection with parallel edges merged by `aggregation`; each merged edge keeps the
  /// relationship id of the first one. An undirected graph merges the relationships of a pair in
  /// both directions (a reciprocal pair becomes one edge). SUM, MIN and MAX of an unweighted
  /// graph leave it unweighted, as SINGLE does; COUNT always weights.
  /// - Complexity: O(n + m).
  package func aggregated(_ aggregation: ProjectionAggregation) -> GraphProjection {
    guard aggregation != .none else { return self }
    let g = graph
    let n = g.nodeCount
    let weighted = g.isWeighted || aggregation == .count
    var offsets = ContiguousArray<Int>()
    var targets = ContiguousArray<Int32>()
    var weights = ContiguousArray<Double>()
    var relationships: [Int64] = []
    offsets.reserveCapacity(n + 1)
    offsets.append(0)
    // Where target t went in the current row (a position before the row start is stale).
    var position = [Int](repeating: -1, count: n)
    for v in 0..<n {
      let rowStart = targets.count
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
        let t = Int(g.outTargets[e])
        // Undirected rows hold each edge at both ends: keep it at its lower end only.
        if !g.isDirected && t < v { continue }
        let w = aggregation == .count ? 1 : g.outWeight(e)
        let k = position[t]
        if k >= rowStart {
          switch aggregation {
          case .sum, .count: weights[k] += w
          case .min: weights[k] = Swift.min(weights[k], w)
          case .max: weights[k] = Swift.max(weights[k], w)
          case .none, .single: break
          }
          continue
        }
        position[t] = targets.count
        targets.append(Int32(t))
        weights.append(w)
        relationships.append(relationshipIDs[Int(g.outEdgeIndices[e])])
      }
      offsets.append(targets.count)
    }
    let rows = EdgeRows(offsets: offsets, targets: targets, weights: weighted ? weights : nil)
    let merged = CSRGraph(nodeIDs: g.nodeIDs, rows: rows, orientation: g.isDirected ? .forward : .undirected)
    return GraphProjection(graph: merged, relationshipIDs: relationships, indexOfID: indexOfID)
  }
}
