// Delta-stepping single-source shortest paths (Meyer and Sanders 2003): tentative distances are
// kept in buckets of width Δ; the lowest bucket is emptied by relaxing its light edges (weight ≤ Δ)
// until it stays empty, then the heavy edges of every node it settled. The relaxations of one
// round are independent, so large frontiers are split over the cores (Parallel.map); each slice
// proposes (node, distance) pairs against the distances of the round before, and one thread
// applies them, so the distances found equal Dijkstra's whatever the split.

/// Delta-stepping shortest paths.
package enum DeltaStepping {
  /// Frontiers smaller than this are relaxed on the calling thread.
  static let parallelFrontier = 2_048

  /// The distance from `source` to each node (infinity where unreachable) and the reached nodes
  /// by distance (ties by node index). Weights must be non-negative; an unweighted graph counts
  /// 1 per edge.
  /// - Parameter delta: the bucket width, > 0: small widths approach Dijkstra (little wasted
  ///   work, little parallelism), large ones Bellman–Ford.
  /// - Complexity: O(m + n log n + wasted relaxations), the last growing with Δ; rounds whose
  ///   frontier has at least `parallelFrontier` nodes run on all cores.
  package static func run(
    _ g: CSRGraph, from source: Int, delta: Double, stop: StopCheck = .never
  ) -> (distance: ContiguousArray<Double>, settled: ContiguousArray<Int32>) {
    let n = g.nodeCount
    var distance = ContiguousArray<Double>(repeating: .infinity, count: n)
    guard source >= 0, source < n else { return (distance, []) }
    var buckets = Buckets(delta: delta)
    distance[source] = 0
    buckets.add(Int32(source), at: 0)
    // Per node: the pass (bucket taken) it was last settled in, and the round it was last queued in, so that
    // the settled list and each frontier hold a node once.
    var settledIn = ContiguousArray<Int>(repeating: -1, count: n)
    var queuedIn = ContiguousArray<Int>(repeating: -1, count: n)
    var round = 0
    var reached = 0
    stop.begin(n)
    while let (index, entries) = buckets.popLowest() {
      if stop.isStopped() { break }
      round += 1
      let pass = round
      var frontier: [Int32] = []
      for v in entries where buckets.index(of: distance[Int(v)]) == index && queuedIn[Int(v)] != round {
        queuedIn[Int(v)] = round
        frontier.append(v)
      }
      var settled: [Int32] = []
      while !frontier.isEmpty {
        for v in frontier where settledIn[Int(v)] != pass {
          settledIn[Int(v)] = pass
          settled.append(v)
        }
        round += 1
        var next: [Int32] = []
        for (v, d) in relax(g, frontier, distance, delta: delta, light: true) where d < distance[Int(v)] {
          distance[Int(v)] = d
          let b = buckets.index(of: d)
          if b != index {
            buckets.add(v, at: b)
          } else if queuedIn[Int(v)] != round {
            queuedIn[Int(v)] = round
            next.append(v)
          }
        }
        frontier = next
      }
      // Heavy edges (weight > Δ) lead out of this bucket, so one pass from its final distances does.
      for (v, d) in relax(g, settled, distance, delta: delta, light: false) where d < distance[Int(v)] {
        distance[Int(v)] = d
        buckets.add(v, at: buckets.index(of: d))
      }
      reached += settled.count
      stop.advance(settled.count)
    }
    var order = ContiguousArray<Int32>()
    order.reserveCapacity(reached)
    for v in 0..<n where distance[v] < .infinity { order.append(Int32(v)) }
    order.sort { distance[Int($0)] < distance[Int($1)] || (distance[Int($0)] == distance[Int($1)] && $0 < $1) }
    return (distance, order)
  }

  /// The improvements the light (or heavy) out-edges of `frontier` offer over `distance`, as
  /// (target, distance) pairs; split over the cores when the frontier is large.
  private static func relax(
    _ g: CSRGraph, _ frontier: [Int32], _ distance: ContiguousArray<Double>, delta: Double, light: Bool
  ) -> [(Int32, Double)] {
    let parts = Parallel.map(frontier.count, minimum: parallelFrontier) { _, range in
      var out: [(Int32, Double)] = []
      g.outOffsets.withUnsafeBufferPointer { offsets in
        g.outTargets.withUnsafeBufferPointer { targets in
          distance.withUnsafeBufferPointer { distance in
            for i in range {
              let v = Int(frontier[i])
              let dv = distance[v]
              for e in offsets[v]..<offsets[v + 1] {
                let w = g.outWeight(e)
                guard (w <= delta) == light else { continue }
                let t = targets[e]
                let alt = dv + w
                if alt < distance[Int(t)] { out.append((t, alt)) }
              }
            }
          }
        }
      }
      return out
    }
    return parts.count == 1 ? parts[0] : parts.flatMap { $0 }
  }

  /// Buckets of nodes by ⌊distance / Δ⌋; a node may sit in several (stale entries are skipped
  /// when a bucket is taken), and the lowest non-empty bucket is found through a heap of indices,
  /// so that far-apart distances need no array of empty buckets between them.
  private struct Buckets {
    let delta: Double
    private var entries: [Int: [Int32]] = [:]
    private var order = DistanceHeap()

    init(delta: Double) { self.delta = delta }

    /// The bucket of distance `d` (capped so that huge distances over a tiny Δ still fit).
    func index(of d: Double) -> Int { Int(min(d / delta, 1e15)) }

    mutating func add(_ v: Int32, at b: Int) {
      if entries[b] == nil { order.insert(Double(b), 0) }
      entries[b, default: []].append(v)
    }

    /// Removes and returns the lowest bucket with its entries.
    mutating func popLowest() -> (Int, [Int32])? {
      while let top = order.popMin() {
        let b = Int(top.distance)
        if let list = entries.removeValue(forKey: b) { return (b, list) }
      }
      return nil
    }
  }
}
