// The compact graph every analytics algorithm runs on: nodes are dense indices 0..<n, edges are
// kept in compressed sparse rows (offsets + targets, optional weights) in both directions, and a
// table maps each dense index back to the store's node id.

/// A read-only graph in compressed sparse row form, forward and reverse.
///
/// An undirected graph stores each edge in both directions in the forward rows and shares them as
/// the reverse rows, so "out", "in" and "both" neighbours are the same. Every row lists its edges
/// in the order of their edge index (their position in the edge list the graph was built from).
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
  /// The edge index of each in-edge, aligned with `inTargets` (what `outEdgeIndices` is forward).
  package let inEdgeIndices: ContiguousArray<Int32>
  /// Whether every edge weight is a number ≥ 0 (true when unweighted); found once when the graph
  /// is built, so that the algorithms that need it need not scan the weights on every run.
  package let hasNonNegativeWeights: Bool

  /// How the rows given to `init(nodeIDs:rows:orientation:)` become the graph's edges.
  package enum Orientation: Sendable {
    /// Each entry of row `v` is an edge from `v` to the entry's target.
    case forward
    /// Each entry of row `v` is an edge from the entry's target to `v`.
    case reversed
    /// Each entry is an undirected edge, stored both ways (a self-loop once).
    case undirected
  }

  /// Assembles a graph from finished rows in both directions.
  /// - Parameter nonNegative: whether every weight of `out` (and so of `reverse`) is a number ≥ 0.
  private init(
    nodeIDs: ContiguousArray<Int64>, directed: Bool, out: EdgeRows, outEdges: ContiguousArray<Int32>, in reverse: EdgeRows,
    inEdges: ContiguousArray<Int32>, nonNegative: Bool
  ) {
    self.nodeCount = nodeIDs.count
    self.isDirected = directed
    self.nodeIDs = nodeIDs
    outOffsets = out.offsets
    outTargets = out.targets
    outWeights = out.weights
    outEdgeIndices = outEdges
    inOffsets = reverse.offsets
    inTargets = reverse.targets
    inWeights = reverse.weights
    inEdgeIndices = inEdges
    hasNonNegativeWeights = nonNegative
  }

  /// Whether every weight of `weights` is a number ≥ 0 (none is negative or NaN).
  /// - Complexity: O(m), one pass without early exit so that it vectorises.
  private static func allNonNegative(_ weights: ContiguousArray<Double>?) -> Bool {
    guard let weights else { return true }
    var invalid = false
    for w in weights { invalid = invalid || !(w >= 0) }
    return !invalid
  }

  /// Builds the graph from edges already grouped by source node: entry `e` of `rows` is edge
  /// index `e`. The other direction (and, undirected, the merged rows) is derived by one counting
  /// sort, without sorting the given rows again.
  /// - Parameters:
  ///   - nodeIDs: the store id of each node; its count is the node count and `rows.offsets` has
  ///     one more entry.
  ///   - rows: targets (and weights) of each node's edges, every target in `0..<nodeIDs.count`.
  /// - Complexity: O(n + m).
  package init(nodeIDs: ContiguousArray<Int64>, rows: EdgeRows, orientation: Orientation) {
    let identity = ContiguousArray<Int32>(unsafeUninitializedCapacity: rows.targets.count) { buffer, count in
      for e in 0..<buffer.count { buffer.initializeElement(at: e, to: Int32(truncatingIfNeeded: e)) }
      count = buffer.count
    }
    let transposed = CSRGraph.transpose(rows, edges: identity, nodeCount: nodeIDs.count)
    let nonNegative = CSRGraph.allNonNegative(rows.weights)
    switch orientation {
    case .forward:
      self.init(
        nodeIDs: nodeIDs, directed: true, out: rows, outEdges: identity, in: transposed.rows, inEdges: transposed.edges,
        nonNegative: nonNegative)
    case .reversed:
      self.init(
        nodeIDs: nodeIDs, directed: true, out: transposed.rows, outEdges: transposed.edges, in: rows, inEdges: identity,
        nonNegative: nonNegative)
    case .undirected:
      let both = CSRGraph.merge(rows, identity, transposed.rows, transposed.edges, nodeCount: nodeIDs.count)
      self.init(
        nodeIDs: nodeIDs, directed: false, out: both.rows, outEdges: both.edges, in: both.rows, inEdges: both.edges,
        nonNegative: nonNegative)
    }
  }

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
    let ids = ContiguousArray(nodeIDs)
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
    let nonNegative = CSRGraph.allNonNegative(hasWeights ? wts : nil)
    let forward = CSRGraph.rows(n, src, dst, wts, edge, hasWeights)
    let rows = EdgeRows(offsets: forward.offsets, targets: forward.targets, weights: forward.weights)
    if directed {
      let reverse = CSRGraph.rows(n, dst, src, wts, edge, hasWeights)
      self.init(
        nodeIDs: ids, directed: true, out: rows, outEdges: forward.edges,
        in: EdgeRows(offsets: reverse.offsets, targets: reverse.targets, weights: reverse.weights), inEdges: reverse.edges,
        nonNegative: nonNegative)
    } else {
      self.init(
        nodeIDs: ids, directed: false, out: rows, outEdges: forward.edges, in: rows, inEdges: forward.edges,
        nonNegative: nonNegative)
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

  /// The same edges with every direction flipped, sharing this graph's arrays (an undirected
  /// graph is its own reverse). Edge indices stay those of this graph's edge list.
  /// - Complexity: O(1).
  package func reversed() -> CSRGraph {
    guard isDirected else { return self }
    return CSRGraph(
      nodeIDs: nodeIDs, directed: true, out: backward, outEdges: inEdgeIndices, in: forward, inEdges: outEdgeIndices,
      nonNegative: hasNonNegativeWeights)
  }

  /// The same edges seen as undirected (each directed edge stored both ways, a self-loop once),
  /// merged from the forward and reverse rows. Edge indices stay those of this graph's edge list,
  /// and each row lists its edges in their order, as building the undirected graph from that list
  /// would.
  /// - Complexity: O(n + m).
  package func undirected() -> CSRGraph {
    guard isDirected else { return self }
    let both = CSRGraph.merge(forward, outEdgeIndices, backward, inEdgeIndices, nodeCount: nodeCount)
    return CSRGraph(
      nodeIDs: nodeIDs, directed: false, out: both.rows, outEdges: both.edges, in: both.rows, inEdges: both.edges,
      nonNegative: hasNonNegativeWeights)
  }
}
