// Leiden community detection (Traag, Waltman and van Eck 2019): Louvain's local moving, made fast
// with a queue of nodes whose neighbourhood changed, followed by a refinement that splits each
// community into well-connected parts, merging singletons only into parts of their own community.
// The graph is aggregated by the refined parts but starts the next level from the unrefined
// communities, which is what guarantees that every community stays connected. The refinement
// takes the best merge (the deterministic limit of the paper's randomised choice); the seed
// fixes the order in which nodes are visited.

/// Community detection by the Leiden method, optimising modularity with resolution γ.
package enum Leiden {
  /// Communities 0..<k per node, the modularity they reach and the number of levels.
  /// - Complexity: roughly O(m) per level; few levels in practice.
  package static func run(
    _ s: NeighbourSets, resolution: Double, maxLevels: Int, seed: UInt64, stop: StopCheck = .never
  ) -> (communities: [Int], modularity: Double, levels: Int) {
    let n = s.offsets.count - 1
    var level = Louvain.Level(
      offsets: Array(s.offsets), targets: Array(s.targets), weights: Array(s.weights), loops: [Double](repeating: 0, count: n))
    var rng = SeededRandom(seed: seed)
    // The level node each original node belongs to, and the community of each level node.
    var membership = Array(0..<n)
    var partition = Array(0..<n)
    var levels = 0
    while levels < maxLevels && !stop.isStopped() {
      let degree = degrees(level)
      let twoM = degree.reduce(0, +)
      guard twoM > 0 else { break }
      partition = moveNodes(level, partition, degree, twoM, resolution, &rng)
      levels += 1
      let communities = Components.renumber(partition)
      if (communities.max() ?? -1) + 1 == level.count { break }
      let refined = Components.renumber(refine(level, communities, degree, twoM, resolution, &rng))
      let parts = (refined.max() ?? -1) + 1
      // The next level starts from the unrefined communities of the refined parts.
      var next = [Int](repeating: 0, count: parts)
      for v in 0..<level.count { next[refined[v]] = communities[v] }
      membership = membership.map { refined[$0] }
      level = Louvain.aggregate(level, refined)
      partition = next
      if parts == degree.count { break }
    }
    let communities = Components.renumber(membership.map { partition[$0] })
    return (communities, Louvain.modularity(s, communities, resolution: resolution), levels)
  }

  /// Weighted degree of each level node (a self-loop counted twice).
  private static func degrees(_ g: Louvain.Level) -> [Double] {
    (0..<g.count).map { v in (g.offsets[v]..<g.offsets[v + 1]).reduce(2 * g.loops[v]) { $0 + g.weights[$1] } }
  }

  /// Fast local moving: nodes taken from a queue move to the neighbouring community with the
  /// largest modularity gain; the neighbours of a node that moved, outside its new community,
  /// are queued again.
  private static func moveNodes(
    _ g: Louvain.Level, _ start: [Int], _ degree: [Double], _ twoM: Double, _ resolution: Double, _ rng: inout SeededRandom
  ) -> [Int] {
    let n = g.count
    var community = start
    var total = [Double](repeating: 0, count: n)
    for v in 0..<n { total[community[v]] += degree[v] }
    var queue = Array(0..<n)
    queue.shuffle(using: &rng)
    var queued = [Bool](repeating: true, count: n)
    var scratch = Louvain.MoveScratch(n)
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      queued[v] = false
      let own = community[v]
      let best = Louvain.bestMove(g, v, community, &total, degree, twoM, resolution, &scratch)
      guard best != own else { continue }
      community[v] = best
      for e in g.offsets[v]..<g.offsets[v + 1] {
        let u = Int(g.targets[e])
        if !queued[u] && community[u] != best {
          queued[u] = true
          queue.append(u)
        }
      }
      // Compact the queue now and then so that it does not grow without bound.
      if head > 4 * n {
        queue.removeFirst(head)
        head = 0
      }
    }
    return community
  }

  /// The refinement of `communities`: every node starts alone; a node still alone and well
  /// connected to its community joins the well-connected part of that community with the best
  /// non-negative gain. Parts never cross communities.
  private static func refine(
    _ g: Louvain.Level, _ communities: [Int], _ degree: [Double], _ twoM: Double, _ resolution: Double,
    _ rng: inout SeededRandom
  ) -> [Int] {
    let n = g.count
    var part = Array(0..<n)
    var partDegree = degree
    var alone = [Bool](repeating: true, count: n)
    var communityDegree = [Double](repeating: 0, count: n)
    for v in 0..<n { communityDegree[communities[v]] += degree[v] }
    // Weight from each part to the rest of its community (starting as each node's).
    var outside = [Double](repeating: 0, count: n)
    for v in 0..<n {
      for e in g.offsets[v]..<g.offsets[v + 1] where communities[Int(g.targets[e])] == communities[v] {
        outside[v] += g.weights[e]
      }
    }
    var toPart = [Double](repeating: 0, count: n)
    var touched: [Int] = []
    var order = Array(0..<n)
    order.shuffle(using: &rng)
    for v in order where alone[v] {
      let c = communities[v]
      let total = communityDegree[c]
      guard outside[v] >= resolution * degree[v] * (total - degree[v]) / twoM else { continue }
      touched.removeAll(keepingCapacity: true)
      for e in g.offsets[v]..<g.offsets[v + 1] {
        let u = Int(g.targets[e])
        guard communities[u] == c, part[u] != v else { continue }
        if toPart[part[u]] == 0 { touched.append(part[u]) }
        toPart[part[u]] += g.weights[e]
      }
      var best = v
      var bestGain = 0.0
      for p in touched {
        let wellConnected = outside[p] >= resolution * partDegree[p] * (total - partDegree[p]) / twoM
        let gain = toPart[p] - resolution * degree[v] * partDegree[p] / twoM
        if wellConnected && gain > bestGain {
          best = p
          bestGain = gain
        }
      }
      if best != v {
        outside[best] += outside[v] - 2 * toPart[best]
        partDegree[best] += degree[v]
        part[v] = best
        alone[best] = false
        alone[v] = false
      }
      for p in touched { toPart[p] = 0 }
    }
    return part
  }
}
