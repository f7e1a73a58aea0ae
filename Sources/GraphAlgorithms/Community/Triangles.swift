// Triangles through each node and the local clustering coefficient, on the graph seen as
// undirected and simple (as networkx's `triangles` and `clustering` on an undirected graph), and
// the k-core number of each node.

/// Triangle counting, clustering and core decomposition.
package enum Triangles {
  /// Number of triangles each node belongs to.
  /// - Complexity: O(m^1.5): each edge is oriented from the endpoint of lower degree (ties by
  ///   index) to the other, so every node's forward list holds at most √(2m) nodes, and each
  ///   triangle is found once, from its first corner, by looking its second corner's forward
  ///   list up in the first's (marked in a table).
  package static func count(_ s: NeighbourSets) -> [Int] {
    let n = s.offsets.count - 1
    // Rank by (degree, index); forward lists hold the ranks of the higher-ranked neighbours.
    var order = Array(0..<n)
    order.sort { (s.degree($0), $0) < (s.degree($1), $1) }
    var rank = [Int32](repeating: 0, count: n)
    for (r, v) in order.enumerated() { rank[v] = Int32(r) }
    var forwardOffsets = [Int](repeating: 0, count: n + 1)
    var forward: [Int32] = []
    forward.reserveCapacity(s.targets.count / 2)
    for u in 0..<n {
      for e in s.offsets[u]..<s.offsets[u + 1] where rank[Int(s.targets[e])] > rank[u] {
        forward.append(rank[Int(s.targets[e])])
      }
      forwardOffsets[u + 1] = forward.count
    }
    // Counted per rank, then handed back to the nodes: for each u its forward neighbours are
    // marked, and every forward neighbour w of a forward neighbour v that is marked closes the
    // triangle u, v, w (found once, from its lowest-ranked corner).
    let parts = Parallel.map(n, minimum: 256) { _, range in
      var local = [Int](repeating: 0, count: n)
      var mark = [Int32](repeating: -1, count: n)
      local.withUnsafeMutableBufferPointer { local in
        mark.withUnsafeMutableBufferPointer { mark in
          forwardOffsets.withUnsafeBufferPointer { off in
            forward.withUnsafeBufferPointer { fwd in
              order.withUnsafeBufferPointer { order in
                for u in range {
                  let uStart = off[u]
                  let uEnd = off[u + 1]
                  if uEnd - uStart < 2 { continue }
                  let ru = Int32(truncatingIfNeeded: u)
                  for e in uStart..<uEnd { mark[Int(fwd[e])] = ru }
                  for e in uStart..<uEnd {
                    let v = order[Int(fwd[e])]
                    var found = 0
                    for f in off[v]..<off[v + 1] where mark[Int(fwd[f])] == ru {
                      local[order[Int(fwd[f])]] += 1
                      found += 1
                    }
                    local[v] += found
                    local[u] += found
                  }
                }
              }
            }
          }
        }
      }
      return local
    }
    var total = [Int](repeating: 0, count: n)
    for part in parts { for v in 0..<n { total[v] += part[v] } }
    return total
  }

  /// Local clustering coefficient 2T / (d (d − 1)) for each node (0 when d < 2).
  package static func clustering(_ s: NeighbourSets, triangles: [Int]) -> [Double] {
    (0..<triangles.count).map { v in
      let d = Double(s.degree(v))
      return d < 2 ? 0 : 2 * Double(triangles[v]) / (d * (d - 1))
    }
  }

  /// Core number of each node (the largest k such that it is in a subgraph of minimum degree k),
  /// by the Batagelj–Zaversnik bucket algorithm.
  /// - Complexity: O(n + m).
  package static func coreNumbers(_ s: NeighbourSets) -> [Int] {
    let n = s.offsets.count - 1
    var degree = (0..<n).map { s.degree($0) }
    let maxDegree = degree.max() ?? 0
    var bin = [Int](repeating: 0, count: maxDegree + 1)
    for d in degree { bin[d] += 1 }
    var start = 0
    for d in 0...maxDegree {
      let count = bin[d]
      bin[d] = start
      start += count
    }
    var position = [Int](repeating: 0, count: n)
    var vertices = [Int](repeating: 0, count: n)
    for v in 0..<n {
      position[v] = bin[degree[v]]
      vertices[position[v]] = v
      bin[degree[v]] += 1
    }
    for d in stride(from: maxDegree, to: 0, by: -1) { bin[d] = bin[d - 1] }
    if maxDegree >= 0 && !bin.isEmpty { bin[0] = 0 }
    for i in 0..<n {
      let v = vertices[i]
      for e in s.offsets[v]..<s.offsets[v + 1] {
        let u = Int(s.targets[e])
        if degree[u] > degree[v] {
          let du = degree[u]
          let pu = position[u]
          let pw = bin[du]
          let w = vertices[pw]
          if u != w {
            position[u] = pw
            vertices[pu] = w
            position[w] = pu
            vertices[pw] = u
          }
          bin[du] += 1
          degree[u] -= 1
        }
      }
    }
    return degree
  }
}
