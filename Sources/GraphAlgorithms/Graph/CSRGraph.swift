// The compact graph every analytics algorithm runs on: nodes are dense indices 0..<n, edges are
// kept in compressed sparse rows (offsets + targets, optional weights) in both directions, and a
// table maps each dense index back to the store's node id.

/// A read-only graph in compressed sparse row form, forward and reverse.
///
/// An undirected graph stores each edge in both directions in the forward rows and shares them as
/// the reverse rows, so "out", "in" and "both" neighbours are the same.
package struct CSRGraph: Sendable {
  /// Number of nodes; valid indices are `0..<nodeCount`.
  package let nodeCount: Int
  /// Whether edges have a direction.
  package let isDirected: Bool
  /// `outOffsets[v]..<outOffsets[v + 1]` indexes the out-edges of `v` in `outTargets`.
  package let outOffsets: ContiguousArray<Int>
  package let outTargets: ContiguousArray<Int32>
  /// Weight of each out-edge, aligned with `outTargets`; nil for an unweighted graph.
  package let outWeights: ContiguousArray<Double>?
  /// Reverse rows: the in-edges of each node.
  package let inOffsets: ContiguousArray<Int>
  package let inTargets: ContiguousArray<Int32>
  package let inWeights: ContiguousArray<Double>?
  /// The store's node id for each dense index.
  package let nodeIDs: ContiguousArray<Int64>
  /// The index of the source relationship for each out-edge (an index into the edge list given to
  /// the initialiser), aligned with `outTargets`.
  package let outEdgeIndices: ContiguousArray<Int32>

  /// Builds the rows from an edge list over dense indices.
  /// - Parameters:
  ///   - nodeIDs: the store id of each node; its count is the node count.
  ///   - sources, targets: edge endpoints, each in `0..<nodeIDs.count`.
  ///   - weights: one weight per edge, or nil.
  ///   - directed: when false every edge is stored both ways (a self-loop once).
  /// - Complexity: O(n + m), a counting sort by source; edges keep their input order per node.
  package init(
    nodeIDs: [Int64], sources: [Int32], targets: [Int32], weights: [Double]?, directed: Bool
  ) {
    let n = nodeIDs.count
    self.nodeCount = n
    self.isDirected = directed
    self.nodeIDs = ContiguousArray(nodeIDs)
    let m = sources.count
    var src = ContiguousArray<Int32>()
    var dst = ContiguousArray<Int32>()
    var wts = ContiguousArray<Double>()
    var edge = ContiguousArray<Int32>()
    let total = directed ? m : 2 * m
    src.reserveCapacity(total)
    dst.reserveCapacity(total)
    edge.reserveCapacity(total)
    for i in 0..<m {
      src.append(sources[i])
      dst.append(targets[i])
      edge.append(Int32(i))
      if let weights { wts.append(weights[i]) }
      if !directed && sources[i] != targets[i] {
        src.append(targets[i])
        dst.append(sources[i])
        edge.append(Int32(i))
        if let weights { wts.append(weights[i]) }
      }
    }
    let hasWeights = weights != nil
    let forward = CSRGraph.rows(n, src, dst, wts, edge, hasWeights)
    outOffsets = forward.offsets
    outTargets = forward.targets
    outWeights = forward.weights
    outEdgeIndices = forward.edges
    if directed {
      let reverse = CSRGraph.rows(n, dst, src, wts, edge, hasWeights)
      inOffsets = reverse.offsets
      inTargets = reverse.targets
      inWeights = reverse.weights
    } else {
      inOffsets = forward.offsets
      inTargets = forward.targets
      inWeights = forward.weights
    }
  }

  /// Counting sort of edges by source into CSR rows.
  private static func rows(
    _ n: Int, _ src: ContiguousArray<Int32>, _ dst: ContiguousArray<Int32>, _ wts: ContiguousArray<Double>,
    _ edge: ContiguousArray<Int32>, _ hasWeights: Bool
  ) -> (offsets: ContiguousArray<Int>, targets: ContiguousArray<Int32>, weights: ContiguousArray<Double>?, edges: ContiguousArray<Int32>) {
    var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
    for s in src { offsets[Int(s) + 1] += 1 }
    for i in 0..<n { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var targets = ContiguousArray<Int32>(repeating: 0, count: src.count)
    var weights = ContiguousArray<Double>(repeating: 0, count: hasWeights ? src.count : 0)
    var edges = ContiguousArray<Int32>(repeating: 0, count: src.count)
    for i in 0..<src.count {
      let s = Int(src[i])
      let p = cursor[s]
      cursor[s] = p + 1
      targets[p] = dst[i]
      edges[p] = edge[i]
      if hasWeights { weights[p] = wts[i] }
    }
    return (offsets, targets, hasWeights ? weights : nil, edges)
  }

  /// Number of stored forward edges (twice the relationship count when undirected, minus loops).
  package var edgeCount: Int { outTargets.count }

  /// Whether edge weights are present.
  package var isWeighted: Bool { outWeights != nil }

  package func outDegree(_ v: Int) -> Int { outOffsets[v + 1] - outOffsets[v] }
  package func inDegree(_ v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }

  /// Edge weight of forward edge slot `e` (1 when unweighted).
  @inline(__always) package func outWeight(_ e: Int) -> Double { outWeights?[e] ?? 1 }
  /// Edge weight of reverse edge slot `e` (1 when unweighted).
  @inline(__always) package func inWeight(_ e: Int) -> Double { inWeights?[e] ?? 1 }

  /// The same edges seen as undirected (each directed edge stored both ways; edge indices then
  /// refer to this graph's forward slots).
  package func undirected() -> CSRGraph {
    guard isDirected else { return self }
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    sources.reserveCapacity(edgeCount)
    targets.reserveCapacity(edgeCount)
    for v in 0..<nodeCount {
      for e in outOffsets[v]..<outOffsets[v + 1] {
        sources.append(Int32(v))
        targets.append(outTargets[e])
        if let outWeights { weights.append(outWeights[e]) }
      }
    }
    return CSRGraph(
      nodeIDs: Array(nodeIDs), sources: sources, targets: targets, weights: isWeighted ? weights : nil, directed: false)
  }
}
