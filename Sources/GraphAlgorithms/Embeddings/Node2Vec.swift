// node2vec node embeddings (Grover and Leskovec 2016, with GDS's parameter names): second-order
// random walks biased by the return factor p and the in-out factor q, then skip-gram with negative
// sampling over the walks. Everything draws from generators seeded by the run's seed (each walk
// its own, as RandomWalks does) and the training runs on one thread in walk order, so a seed gives
// the same embeddings on every run; that costs the parallel (lock-free, racy) training other
// implementations use.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The settings of a node2vec run.
package struct Node2VecSettings: Sendable {
  package var walkLength = 80
  package var walksPerNode = 10
  /// p: a walk returns to the node it came from with weight 1 / p.
  package var returnFactor = 1.0
  /// q: a walk moves away from the node it came from with weight 1 / q (1 to a common neighbour).
  package var inOutFactor = 1.0
  package var embeddingDimension = 128
  package var windowSize = 10
  package var negativeSamplingRate = 5
  /// Negatives are drawn in proportion to a node's count in the walks to this power.
  package var negativeSamplingExponent = 0.75
  package var iterations = 1
  package var initialLearningRate = 0.025
  package var minLearningRate = 0.0001
  package var seed: UInt64 = 42
  package init() {}
}

/// node2vec embeddings.
package enum Node2Vec {
  /// An embedding per node, by dense index, from walks along the out-edges of `g` (weighted by
  /// the edge weights when `weighted`).
  /// - Complexity: O(n × walksPerNode × walkLength × (degree + window × (1 + negatives) ×
  ///   dimension) × iterations), on one thread.
  package static func run(_ g: CSRGraph, _ s: Node2VecSettings, weighted: Bool, stop: StopCheck = .never) -> [[Double]] {
    let n = g.nodeCount
    let d = s.embeddingDimension
    guard n > 0, d > 0 else { return Array(repeating: [], count: n) }
    let walks = biasedWalks(g, s, weighted: weighted && g.isWeighted, stop: stop)
    // Unigram table for negatives: cumulative count^exponent.
    var counts = [Double](repeating: 0, count: n)
    for walk in walks { for v in walk { counts[Int(v)] += 1 } }
    var cumulative = [Double](repeating: 0, count: n)
    var total = 0.0
    for v in 0..<n {
      total += pow075(counts[v], s.negativeSamplingExponent)
      cumulative[v] = total
    }
    var rng = SeededRandom(seed: s.seed ^ 0x5DEE_CE66_D1CE_4E5B)
    func uniform() -> Double { Double(rng.next() >> 11) / Double(UInt64(1) << 53) }
    var input = (0..<(n * d)).map { _ in (uniform() - 0.5) / Double(d) }
    var output = [Double](repeating: 0, count: n * d)
    var gradient = [Double](repeating: 0, count: d)
    let steps = max(1, s.iterations * walks.count)
    var step = 0
    stop.begin(steps)
    for _ in 0..<s.iterations {
      for walk in walks {
        if stop.isStopped() { break }
        let rate = max(s.minLearningRate, s.initialLearningRate - (s.initialLearningRate - s.minLearningRate) * Double(step) / Double(steps))
        step += 1
        for (i, center) in walk.enumerated() {
          // A long walk with many negatives is minutes of work: stop within it.
          if stop.isStopped() { break }
          let lo = max(0, i - s.windowSize)
          let hi = min(walk.count - 1, i + s.windowSize)
          guard lo <= hi else { continue }
          for j in lo...hi where j != i {
            let context = Int(walk[j])
            for k in 0..<d { gradient[k] = 0 }
            // One positive pair, then `negativeSamplingRate` negatives.
            for sample in 0...s.negativeSamplingRate {
              let target: Int
              let label: Double
              if sample == 0 {
                (target, label) = (context, 1)
              } else {
                let r = uniform() * total
                var a = 0
                var b = n - 1
                while a < b {
                  let mid = (a + b) / 2
                  if cumulative[mid] <= r { a = mid + 1 } else { b = mid }
                }
                if a == context { continue }
                (target, label) = (a, 0)
              }
              let (cb, tb) = (Int(center) * d, target * d)
              var dot = 0.0
              for k in 0..<d { dot += input[cb + k] * output[tb + k] }
              let g = (label - sigmoid(dot)) * rate
              for k in 0..<d {
                gradient[k] += g * output[tb + k]
                output[tb + k] += g * input[cb + k]
              }
            }
            let cb = Int(center) * d
            for k in 0..<d { input[cb + k] += gradient[k] }
          }
        }
        stop.advance()
      }
    }
    return (0..<n).map { Array(input[($0 * d)..<(($0 + 1) * d)]) }
  }

  /// x^e for x ≥ 0 without Foundation's pow.
  private static func pow075(_ x: Double, _ e: Double) -> Double {
    guard x > 0 else { return 0 }
    return exp(e * log(x))
  }

  private static func sigmoid(_ x: Double) -> Double {
    if x > 30 { return 1 }
    if x < -30 { return 0 }
    return 1 / (1 + exp(-x))
  }

  /// `walksPerNode` second-order walks from every node, in order of start node then walk: from
  /// t → v the next node x is drawn with weight w(v, x) × (1 / p if x = t, 1 if x neighbours t,
  /// 1 / q otherwise).
  package static func biasedWalks(_ g: CSRGraph, _ s: Node2VecSettings, weighted: Bool, stop: StopCheck) -> [[Int32]] {
    let n = g.nodeCount
    // Each row's targets sorted, to ask "is x a neighbour of t" by binary search.
    var sorted = g.outTargets
    for v in 0..<n { sorted[g.outOffsets[v]..<g.outOffsets[v + 1]].sort() }
    func adjacent(_ t: Int, _ x: Int32) -> Bool {
      var a = g.outOffsets[t]
      var b = g.outOffsets[t + 1]
      while a < b {
        let mid = (a + b) / 2
        if sorted[mid] < x { a = mid + 1 } else { b = mid }
      }
      return a < g.outOffsets[t + 1] && sorted[a] == x
    }
    var walks: [[Int32]] = []
    walks.reserveCapacity(n * s.walksPerNode)
    var bias: [Double] = []
    for start in 0..<n {
      if stop.isStopped() { break }
      for k in 0..<s.walksPerNode {
        if stop.isStopped() { break }
        var rng = SeededRandom(seed: s.seed &+ UInt64(start * s.walksPerNode + k) &* 0x9E37_79B9_7F4A_7C15)
        var walk: [Int32] = [Int32(start)]
        walk.reserveCapacity(s.walkLength)
        var previous = -1
        var v = start
        while walk.count < s.walkLength {
          let lo = g.outOffsets[v]
          let hi = g.outOffsets[v + 1]
          guard hi > lo else { break }
          bias.removeAll(keepingCapacity: true)
          var sum = 0.0
          for e in lo..<hi {
            let x = g.outTargets[e]
            var w = weighted ? max(0, g.outWeight(e)) : 1
            if previous >= 0 {
              w *= Int(x) == previous ? 1 / s.returnFactor : adjacent(previous, x) ? 1 : 1 / s.inOutFactor
            }
            sum += w
            bias.append(sum)
          }
          guard sum > 0 else { break }
          let r = Double(rng.next() >> 11) / Double(UInt64(1) << 53) * sum
          var i = 0
          while i < bias.count - 1 && bias[i] <= r { i += 1 }
          previous = v
          v = Int(g.outTargets[lo + i])
          walk.append(Int32(v))
        }
        walks.append(walk)
      }
    }
    return walks
  }
}
