// The local clustering coefficient of a directed graph (Fagiolo 2007, as networkx's
// `clustering` computes it on a DiGraph): the directed triangles through a node, each of the
// eight orientations counted, over the number there could be given its in- and out-degree and
// its reciprocated links, T(v) / (2 (d(v)(d(v) − 1) − 2 d↔(v))), with d the total degree.

extension Triangles {
  /// networkx `clustering(G)` of a directed `G`, from duplicate-free, loop-free successor
  /// rows `succ` and their reverse `pred` (NodeSimilarity.neighbourRows(g, .outgoing)).
  /// - Complexity: O(Σ_v Σ_{u ∈ N(v)} (d⁺(u) + d⁻(u))); split over the cores.
  package static func directedClustering(succ: EdgeRows, pred: EdgeRows, nodeCount n: Int) -> [Double] {
    let parts = Parallel.map(n, minimum: 256) { _, range in
      // Bit 1: a predecessor of the node at hand; bit 2: a successor.
      var mark = [UInt8](repeating: 0, count: n)
      var out: [Double] = []
      out.reserveCapacity(range.count)
      for v in range {
        let preds = pred.offsets[v]..<pred.offsets[v + 1]
        let succs = succ.offsets[v]..<succ.offsets[v + 1]
        for e in preds { mark[Int(pred.targets[e])] |= 1 }
        for e in succs { mark[Int(succ.targets[e])] |= 2 }
        var reciprocal = 0
        for e in succs where mark[Int(succ.targets[e])] & 1 != 0 { reciprocal += 1 }
        // Each neighbour u (once per direction of its links with v) with each neighbour w of u
        // (once per direction) that is a neighbour of v (once per direction).
        var triangles = 0
        for (rows, range) in [(pred, preds), (succ, succs)] {
          for e in range {
            let u = Int(rows.targets[e])
            for f in pred.offsets[u]..<pred.offsets[u + 1] { triangles += weight(mark[Int(pred.targets[f])]) }
            for f in succ.offsets[u]..<succ.offsets[u + 1] { triangles += weight(mark[Int(succ.targets[f])]) }
          }
        }
        for e in preds { mark[Int(pred.targets[e])] = 0 }
        for e in succs { mark[Int(succ.targets[e])] = 0 }
        let total = preds.count + succs.count
        let possible = 2 * (total * (total - 1) - 2 * reciprocal)
        out.append(triangles == 0 || possible <= 0 ? 0 : Double(triangles) / Double(possible))
      }
      return out
    }
    return parts.flatMap { $0 }
  }

  /// How many of v's neighbour lists (predecessors, successors) a node with `mark` is in.
  @inline(__always) private static func weight(_ mark: UInt8) -> Int { Int(mark & 1) + Int(mark >> 1) }
}
