// Louvain modularity optimisation: nodes move greedily to the neighbouring community that most
// increases modularity, then each community is collapsed into one node and the process repeats
// until no level improves. Progress counts levels out of `maxLevels` (the first, on the whole
// graph, costs most, so the estimate of the time left errs long); a run that stops improving jumps
// to done.

/// Community detection by the Louvain method.
package enum Louvain {
  /// A weighted undirected graph with self-loop weights kept apart, as the levels need.
  struct Level {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    /// Weight of each node's self-loop (counted twice in its degree).
    var loops: [Double]
    var count: Int { loops.count }
  }

  /// Communities 0..<k per node, the modularity they reach and the number of levels.
  /// - Parameters:
  ///   - resolution: γ; larger values give smaller communities.
  ///   - seed: seeds the order in which nodes are visited on each level.
  /// - Complexity: roughly O(m) per pass; few passes and levels in practice.
  package static func run(
    _ s: NeighbourSets, resolution: Double, maxLevels: Int, maxPasses: Int, tolerance: Double, seed: UInt64,
    stop: StopCheck = .never
  ) -> (communities: [Int], modularity: Double, levels: Int) {
    let n = s.offsets.count - 1
    var level = Level(
      offsets: Array(s.offsets), targets: Array(s.targets), weights: Array(s.weights),
      loops: [Double](repeating: 0, count: n))
    var membership = Array(0..<n)
    var rng = SeededRandom(seed: seed)
    var levels = 0
    var modularity = self.modularity(s, membership, resolution: resolution)
    stop.begin(maxLevels)
    var counted = 0
    while levels < maxLevels && !stop.isStopped() {
      let (assignment, moved) = onePass(level, resolution: resolution, maxPasses: maxPasses, rng: &rng)
      stop.advance()
      counted += 1
      if !moved { break }
      let renumbered = Components.renumber(assignment)
      let candidate = membership.map { renumbered[$0] }
      let q = self.modularity(s, candidate, resolution: resolution)
      if q - modularity <= tolerance && levels > 0 { break }
      membership = candidate
      modularity = q
      levels += 1
      level = aggregate(level, renumbered)
    }
    if counted < maxLevels && !stop.isStopped() { stop.advance(maxLevels - counted) }
    return (Components.renumber(membership), modularity, levels)
  }

  /// Local moving on one level; returns each node's community and whether any node moved.
  private static func onePass(_ g: Level, resolution: Double, maxPasses: Int, rng: inout SeededRandom) -> ([Int], Bool) {
    let n = g.count
    var degree = [Double](repeating: 0, count: n)
    var twoM = 0.0
    for v in 0..<n {
      var d = 2 * g.loops[v]
      for e in g.offsets[v]..<g.offsets[v + 1] { d += g.weights[e] }
      degree[v] = d
      twoM += d
    }
    var community = Array(0..<n)
    guard twoM > 0 else { return (community, false) }
    var total = degree
    var scratch = MoveScratch(n)
    var order = Array(0..<n)
    order.shuffle(using: &rng)
    var movedAny = false
    for _ in 0..<max(1, maxPasses) {
      var moved = false
      for v in order {
        let own = community[v]
        let best = bestMove(g, v, community, &total, degree, twoM, resolution, &scratch)
        if best != own {
          community[v] = best
          moved = true
          movedAny = true
        }
      }
      if !moved { break }
    }
    return (community, movedAny)
  }

  /// Scratch space of `bestMove`: the weight from the moving node to each community touched.
  struct MoveScratch {
    var toCommunity: [Double]
    var touched: [Int] = []
    init(_ n: Int) { toCommunity = [Double](repeating: 0, count: n) }
  }

  /// Moves `v` to the community among its own and its neighbours' with the largest modularity
  /// gain (its own on ties), keeping the communities' total degrees in `total`; returns it.
  /// - Complexity: O(deg v).
  static func bestMove(
    _ g: Level, _ v: Int, _ community: [Int], _ total: inout [Double], _ degree: [Double], _ twoM: Double,
    _ resolution: Double, _ scratch: inout MoveScratch
  ) -> Int {
    let own = community[v]
    scratch.touched.removeAll(keepingCapacity: true)
    for e in g.offsets[v]..<g.offsets[v + 1] {
      let c = community[Int(g.targets[e])]
      if scratch.toCommunity[c] == 0 { scratch.touched.append(c) }
      scratch.toCommunity[c] += g.weights[e]
    }
    total[own] -= degree[v]
    var best = own
    var bestGain = scratch.toCommunity[own] - resolution * total[own] * degree[v] / twoM
    for c in scratch.touched {
      let gain = scratch.toCommunity[c] - resolution * total[c] * degree[v] / twoM
      if gain > bestGain {
        best = c
        bestGain = gain
      }
    }
    for c in scratch.touched { scratch.toCommunity[c] = 0 }
    scratch.toCommunity[own] = 0
    total[best] += degree[v]
    return best
  }

  /// Collapses each community into one node, summing the weights between communities.
  static func aggregate(_ g: Level, _ community: [Int]) -> Level {
    let k = (community.max() ?? -1) + 1
    var loops = [Double](repeating: 0, count: k)
    var links = [[Int: Double]](repeating: [:], count: k)
    for v in 0..<g.count {
      let cv = community[v]
      loops[cv] += g.loops[v]
      for e in g.offsets[v]..<g.offsets[v + 1] {
        let cw = community[Int(g.targets[e])]
        if cw == cv { loops[cv] += g.weights[e] / 2 } else { links[cv][cw, default: 0] += g.weights[e] }
      }
    }
    var offsets = [0]
    var targets: [Int32] = []
    var weights: [Double] = []
    for c in 0..<k {
      for (d, w) in links[c].sorted(by: { $0.key < $1.key }) {
        targets.append(Int32(d))
        weights.append(w)
      }
      offsets.append(targets.count)
    }
    return Level(offsets: offsets, targets: targets, weights: weights, loops: loops)
  }

  /// Newman modularity Σ_c [L_c / m − γ (d_c / 2m)²] of `community` on the simple graph `s`.
  /// - Complexity: O(n + m).
  package static func modularity(_ s: NeighbourSets, _ community: [Int], resolution: Double = 1) -> Double {
    let n = s.offsets.count - 1
    let k = (community.max() ?? -1) + 1
    var internalWeight = [Double](repeating: 0, count: k)
    var degreeSum = [Double](repeating: 0, count: k)
    var twoM = 0.0
    for v in 0..<n {
      for e in s.offsets[v]..<s.offsets[v + 1] {
        let w = s.weights[e]
        degreeSum[community[v]] += w
        twoM += w
        if community[Int(s.targets[e])] == community[v] { internalWeight[community[v]] += w }
      }
    }
    guard twoM > 0 else { return 0 }
    var q = 0.0
    for c in 0..<k {
      q += internalWeight[c] / twoM - resolution * (degreeSum[c] / twoM) * (degreeSum[c] / twoM)
    }
    return q
  }
}
