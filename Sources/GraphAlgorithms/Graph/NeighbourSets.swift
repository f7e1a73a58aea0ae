// Undirected simple neighbourhoods: for each node the sorted, duplicate-free set of nodes it
// touches by an edge in either direction, self excluded. Triangles, clustering, k-cores,
// similarity and community detection all count neighbours this way.

/// Sorted, deduplicated, loop-free undirected neighbour lists in CSR form.
package struct NeighbourSets: Sendable {
  package let offsets: ContiguousArray<Int>
  package let targets: ContiguousArray<Int32>
  /// Summed weight of the edges between a node and each neighbour (1 per edge when unweighted).
  package let weights: ContiguousArray<Double>

  /// - Complexity: O(n + m log d) for maximum degree d.
  package init(_ g: CSRGraph) {
    let n = g.nodeCount
    var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
    var targets = ContiguousArray<Int32>()
    var weights = ContiguousArray<Double>()
    targets.reserveCapacity(g.isDirected ? 2 * g.edgeCount : g.edgeCount)
    weights.reserveCapacity(targets.capacity)
    if g.outWeights == nil {
      // Unweighted: sort bare neighbour indices; a pair's weight is its number of edges.
      var scratch: [Int32] = []
      for v in 0..<n {
        scratch.removeAll(keepingCapacity: true)
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] where Int(g.outTargets[e]) != v { scratch.append(g.outTargets[e]) }
        if g.isDirected {
          for e in g.inOffsets[v]..<g.inOffsets[v + 1] where Int(g.inTargets[e]) != v { scratch.append(g.inTargets[e]) }
        }
        scratch.sort()
        var last: Int32 = -1
        for t in scratch {
          if t == last {
            weights[weights.count - 1] += 1
          } else {
            targets.append(t)
            weights.append(1)
            last = t
          }
        }
        offsets[v + 1] = targets.count
      }
    } else {
      var scratch: [(Int32, Double)] = []
      for v in 0..<n {
        scratch.removeAll(keepingCapacity: true)
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] where Int(g.outTargets[e]) != v {
          scratch.append((g.outTargets[e], g.outWeight(e)))
        }
        if g.isDirected {
          for e in g.inOffsets[v]..<g.inOffsets[v + 1] where Int(g.inTargets[e]) != v {
            scratch.append((g.inTargets[e], g.inWeight(e)))
          }
        }
        scratch.sort { $0.0 < $1.0 }
        var last: Int32 = -1
        for (t, w) in scratch {
          if t == last {
            weights[weights.count - 1] += w
          } else {
            targets.append(t)
            weights.append(w)
            last = t
          }
        }
        offsets[v + 1] = targets.count
      }
    }
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
  }

  package func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }
}
