// Deriving one set of CSR rows from another without sorting: the reverse rows by a counting sort
// over targets, and undirected rows by merging each node's out- and in-edges in edge order. Both
// keep edges in order of their edge index, so a graph derived from rows equals one built from the
// same edge list.

extension CSRGraph {
  /// The rows of the reversed edges: row `v` lists, in order of edge index, the nodes with an edge
  /// to `v`. `edges[e]` is the edge index of entry `e` of `rows`, ascending within each row.
  /// - Returns: the reversed rows and the edge index of each of their entries.
  /// - Complexity: O(n + m), one counting sort.
  static func transpose(
    _ rows: EdgeRows, edges: ContiguousArray<Int32>, nodeCount n: Int
  ) -> (rows: EdgeRows, edges: ContiguousArray<Int32>) {
    let m = rows.targets.count
    let weighted = rows.weights != nil
    let sourceWeights = rows.weights ?? []
    var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
    for t in rows.targets { offsets[Int(t) + 1] += 1 }
    for v in 0..<n { offsets[v + 1] += offsets[v] }
    var cursor = ContiguousArray(offsets[0..<n])
    var targets = ContiguousArray<Int32>(repeating: 0, count: m)
    var indices = ContiguousArray<Int32>(repeating: 0, count: m)
    var weights = ContiguousArray<Double>(repeating: 0, count: weighted ? m : 0)
    rows.offsets.withUnsafeBufferPointer { from in
      rows.targets.withUnsafeBufferPointer { to in
        edges.withUnsafeBufferPointer { edge in
          sourceWeights.withUnsafeBufferPointer { weight in
            cursor.withUnsafeMutableBufferPointer { cursor in
              targets.withUnsafeMutableBufferPointer { targets in
                indices.withUnsafeMutableBufferPointer { indices in
                  weights.withUnsafeMutableBufferPointer { weights in
                    for v in 0..<n {
                      for e in from[v]..<from[v + 1] {
                        let t = Int(to[e])
                        let p = cursor[t]
                        cursor[t] = p + 1
                        targets[p] = Int32(truncatingIfNeeded: v)
                        indices[p] = edge[e]
                        if weighted { weights[p] = weight[e] }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (EdgeRows(offsets: offsets, targets: targets, weights: weighted ? weights : nil), indices)
  }

  /// Undirected rows: for each node its out-edges and in-edges merged by edge index, a self-loop
  /// (which is both) taken once from the out-edges. Each row of `out` and `reverse` must list its
  /// edges in ascending edge index.
  /// - Returns: the merged rows and the edge index of each of their entries.
  /// - Complexity: O(n + m).
  static func merge(
    _ out: EdgeRows, _ outEdges: ContiguousArray<Int32>, _ reverse: EdgeRows, _ inEdges: ContiguousArray<Int32>,
    nodeCount n: Int
  ) -> (rows: EdgeRows, edges: ContiguousArray<Int32>) {
    var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
    for v in 0..<n {
      var loops = 0
      for e in reverse.offsets[v]..<reverse.offsets[v + 1] where Int(reverse.targets[e]) == v { loops += 1 }
      offsets[v + 1] = offsets[v] + (out.offsets[v + 1] - out.offsets[v]) + (reverse.offsets[v + 1] - reverse.offsets[v]) - loops
    }
    let total = offsets[n]
    let weighted = out.weights != nil && reverse.weights != nil
    var targets = ContiguousArray<Int32>(repeating: 0, count: total)
    var indices = ContiguousArray<Int32>(repeating: 0, count: total)
    var weights = ContiguousArray<Double>(repeating: 0, count: weighted ? total : 0)
    let outWeightList = weighted ? out.weights ?? [] : []
    let inWeightList = weighted ? reverse.weights ?? [] : []
    outWeightList.withUnsafeBufferPointer { outWeights in
      inWeightList.withUnsafeBufferPointer { inWeights in
        out.offsets.withUnsafeBufferPointer { outOffsets in
          out.targets.withUnsafeBufferPointer { outTargets in
            outEdges.withUnsafeBufferPointer { outEdges in
              reverse.offsets.withUnsafeBufferPointer { inOffsets in
                reverse.targets.withUnsafeBufferPointer { inTargets in
                  inEdges.withUnsafeBufferPointer { inEdges in
                    targets.withUnsafeMutableBufferPointer { targets in
                      indices.withUnsafeMutableBufferPointer { indices in
                        weights.withUnsafeMutableBufferPointer { weights in
                          var p = 0
                          for v in 0..<n {
                            var i = outOffsets[v]
                            let iEnd = outOffsets[v + 1]
                            var j = inOffsets[v]
                            let jEnd = inOffsets[v + 1]
                            while i < iEnd || j < jEnd {
                              if j < jEnd && Int(inTargets[j]) == v {
                                j += 1
                                continue
                              }
                              if j >= jEnd || (i < iEnd && outEdges[i] < inEdges[j]) {
                                targets[p] = outTargets[i]
                                indices[p] = outEdges[i]
                                if weighted { weights[p] = outWeights[i] }
                                i += 1
                              } else {
                                targets[p] = inTargets[j]
                                indices[p] = inEdges[j]
                                if weighted { weights[p] = inWeights[j] }
                                j += 1
                              }
                              p += 1
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (EdgeRows(offsets: offsets, targets: targets, weights: weighted ? weights : nil), indices)
  }
}
