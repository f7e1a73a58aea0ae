// A force-directed layout for the graph drawings of the HTML reports: Fruchterman–Reingold with
// repulsion computed over a grid of cells (only nodes in neighbouring cells push each other, as in
// the original paper), so that one iteration is about O(n + m), and a weak pull towards the centre
// that keeps components together instead of pressing nodes against a frame; the result is scaled
// into the unit square. Seeded and free of hashing or threads, so the same graph and seed always
// give the same positions.
import Foundation

/// Node positions by Fruchterman–Reingold.
package enum ForceLayout {
  /// A position in the unit square.
  package struct Point: Sendable, Equatable {
    package var x: Double
    package var y: Double

    package init(x: Double, y: Double) {
      self.x = x
      self.y = y
    }
  }

  /// The iterations run for `nodeCount` nodes when none are given: 300 for small graphs,
  /// fewer (at least 60) as graphs grow, so that a few thousand nodes lay out in a second or two.
  package static func defaultIterations(nodeCount: Int) -> Int {
    max(60, min(300, 150_000 / max(1, nodeCount)))
  }

  /// Positions in [0, 1] × [0, 1] for nodes `0..<nodeCount` joined by `edges` (pairs of
  /// indices; self-loops and repeats are harmless). Nodes start at seeded random places in the
  /// unit square; each iteration moves every node by the sum of its forces (repulsion k²/d
  /// between nodes closer than 2k, attraction d²/k along relationships, a pull k·d towards the
  /// centre), capped by a temperature that cools linearly to zero, within [-1, 2]²; the final
  /// positions are scaled to fill the unit square.
  /// - Complexity: O(iterations × (n + m)) for evenly spread nodes, O(iterations × n²) at worst.
  package static func positions(
    nodeCount n: Int, edges: [(Int, Int)], seed: UInt64, iterations: Int? = nil
  ) -> [Point] {
    var random = SplitMix64(seed: seed)
    var points = (0..<n).map { _ in Point(x: random.unit(), y: random.unit()) }
    guard n > 1 else { return points.map { _ in Point(x: 0.5, y: 0.5) } }
    let k = (1.0 / Double(n)).squareRoot()
    let rounds = max(1, iterations ?? defaultIterations(nodeCount: n))
    // The grid covers the area nodes may move in, [low, low + span]².
    let (low, span) = (-1.0, 3.0)
    let cells = max(1, min(1024, Int(span / (2 * k))))
    for round in 0..<rounds {
      let temperature = 0.1 * (1 - Double(round) / Double(rounds))
      var dx = [Double](repeating: 0, count: n)
      var dy = [Double](repeating: 0, count: n)
      // Repulsion between nodes closer than 2k, found through the grid.
      var grid = [[Int]](repeating: [], count: cells * cells)
      func cell(_ value: Double) -> Int { min(cells - 1, max(0, Int((value - low) / span * Double(cells)))) }
      for (node, point) in points.enumerated() { grid[cell(point.y) * cells + cell(point.x)].append(node) }
      for node in 0..<n {
        let (cx, cy) = (cell(points[node].x), cell(points[node].y))
        for gy in max(0, cy - 1)...min(cells - 1, cy + 1) {
          for gx in max(0, cx - 1)...min(cells - 1, cx + 1) {
            for other in grid[gy * cells + gx] where other != node {
              var ux = points[node].x - points[other].x
              var uy = points[node].y - points[other].y
              var distance = (ux * ux + uy * uy).squareRoot()
              if distance < 1e-9 {
                // Coincident nodes part along a direction fixed by their indices.
                let angle = Double(node &* 7919 &+ other) * 0.618
                (ux, uy, distance) = (cos(angle) * 1e-3, sin(angle) * 1e-3, 1e-3)
              }
              guard distance < 2 * k else { continue }
              let force = k * k / distance
              dx[node] += ux / distance * force
              dy[node] += uy / distance * force
            }
          }
        }
      }
      // Attraction along relationships.
      for (a, b) in edges where a != b && a < n && b < n && a >= 0 && b >= 0 {
        let ux = points[a].x - points[b].x
        let uy = points[a].y - points[b].y
        let distance = (ux * ux + uy * uy).squareRoot()
        guard distance > 1e-9 else { continue }
        let force = distance * distance / k
        dx[a] -= ux / distance * force
        dy[a] -= uy / distance * force
        dx[b] += ux / distance * force
        dy[b] += uy / distance * force
      }
      for node in 0..<n {
        dx[node] -= (points[node].x - 0.5) * k
        dy[node] -= (points[node].y - 0.5) * k
        let length = (dx[node] * dx[node] + dy[node] * dy[node]).squareRoot()
        guard length > 0 else { continue }
        let step = min(length, temperature)
        points[node].x = min(low + span, max(low, points[node].x + dx[node] / length * step))
        points[node].y = min(low + span, max(low, points[node].y + dy[node] / length * step))
      }
    }
    return scaled(points)
  }

  /// `points` moved and stretched (each axis on its own) to fill [0, 1]²; an axis along which
  /// all points agree is centred at 0.5.
  static func scaled(_ points: [Point]) -> [Point] {
    guard let first = points.first else { return points }
    var (minX, maxX, minY, maxY) = (first.x, first.x, first.y, first.y)
    for point in points {
      (minX, maxX) = (min(minX, point.x), max(maxX, point.x))
      (minY, maxY) = (min(minY, point.y), max(maxY, point.y))
    }
    func fit(_ value: Double, _ low: Double, _ high: Double) -> Double {
      high - low > 1e-12 ? min(1, max(0, (value - low) / (high - low))) : 0.5
    }
    return points.map { Point(x: fit($0.x, minX, maxX), y: fit($0.y, minY, maxY)) }
  }
}

/// SplitMix64: a small seeded generator, the same numbers on every platform.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
