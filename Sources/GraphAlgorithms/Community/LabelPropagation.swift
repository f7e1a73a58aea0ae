// Asynchronous label propagation: every node repeatedly takes the label most common (by edge
// weight) among its neighbours, in a seeded random order with seeded tie-breaking, until no node
// would change.

/// Community detection by label propagation.
package enum LabelPropagation {
  /// Community numbers 0..<k for each node, and the number of rounds run.
  /// - Complexity: O(rounds × m).
  package static func run(
    _ s: NeighbourSets, maxIterations: Int, seed: UInt64, stop: StopCheck = .never
  ) -> (communities: [Int], iterations: Int) {
    let n = s.offsets.count - 1
    var label = ContiguousArray<Int32>((0..<n).map { Int32($0) })
    var score = ContiguousArray<Double>(repeating: 0, count: n)
    var seen: [Int32] = []
    var best: [Int32] = []
    var rng = SeededRandom(seed: seed)
    var order = Array(0..<n)
    var rounds = 0
    while rounds < maxIterations && !stop.isStopped() {
      rounds += 1
      order.shuffle(using: &rng)
      var changed = false
      for v in order where s.degree(v) > 0 {
        seen.removeAll(keepingCapacity: true)
        for e in s.offsets[v]..<s.offsets[v + 1] {
          let l = label[Int(s.targets[e])]
          if score[Int(l)] == 0 { seen.append(l) }
          score[Int(l)] += s.weights[e]
        }
        var top = -Double.infinity
        best.removeAll(keepingCapacity: true)
        for l in seen {
          let x = score[Int(l)]
          if x > top {
            top = x
            best.removeAll(keepingCapacity: true)
            best.append(l)
          } else if x == top {
            best.append(l)
          }
        }
        for l in seen { score[Int(l)] = 0 }
        if best.contains(label[v]) { continue }
        best.sort()
        if let pick = best.randomElement(using: &rng) {
          label[v] = pick
          changed = true
        }
      }
      if !changed { break }
    }
    return (Components.renumber(label.map { Int($0) }), rounds)
  }
}
