// A force-directed layout for the graph drawings of the HTML reports: Fruchterman–Reingold with
// repulsion between every pair of nodes, computed over a grid laid on the nodes' bounding box
// (about four nodes a cell): nodes in the same or a neighbouring cell push each other exactly,
// every other cell pushes as one body of its node count at its centre of mass, so that one
// iteration costs O(n × cells + m) = O(n^1.5 + m) whatever the nodes' spread; a weak pull towards
// the centre keeps components together instead of pressing nodes against a frame; the result is
// scaled into the unit square. Seeded and free of hashing or threads, so the same graph and seed
// always give the same positions.
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
  /// unit square; each iteration moves every node by the sum of its forces (repulsion k²/d from
  /// every other node, distant ones grouped by grid cell; attraction d²/k along relationships; a
  /// pull k·d towards the centre), capped by a temperature that cools linearly to zero, within
  /// [-1, 2]²; the final positions are scaled to fill the unit square.
  /// - Complexity: O(iterations × (n^1.5 + m)).
  package static func positions(
    nodeCount n: Int, edges: [(Int, Int)], seed: UInt64, iterations: Int? = nil
  ) -> [Point] {
    var random = SplitMix64(seed: seed)
    var points = (0..<n).map { _ in Point(x: random.unit(), y: random.unit()) }
    guard n > 1 else { return points.map { _ in Point(x: 0.5, y: 0.5) } }
    let k = (1.0 / Double(n)).squareRoot()
    let rounds = max(1, iterations ?? defaultIterations(nodeCount: n))
    let (low, high) = (-1.0, 2.0)
    var grid = RepulsionGrid(nodeCount: n)
    var dx = [Double](repeating: 0, count: n)
    var dy = [Double](repeating: 0, count: n)
    for round in 0..<rounds {
      let temperature = 0.1 * (1 - Double(round) / Double(rounds))
      grid.fill(points)
      for node in 0..<n {
        let force = grid.repulsion(on: node, points, k: k)
        (dx[node], dy[node]) = (force.x, force.y)
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
        points[node].x = min(high, max(low, points[node].x + dx[node] / length * step))
        points[node].y = min(high, max(low, points[node].y + dy[node] / length * step))
      }
    }
    return scaled(points)
  }

  /// The grid of one iteration's repulsion: cells over the nodes' bounding box, each with its
  /// nodes (a counting sort, no per-cell arrays), node count and centre of mass.
  struct RepulsionGrid {
    /// Cells per side: about four nodes a cell.
    let side: Int
    private var lowX = 0.0, lowY = 0.0, width = 1.0, height = 1.0
    private var cellOf: [Int]
    /// Nodes of cell c: `members[start[c]..<start[c + 1]]`.
    private var start: [Int]
    private var members: [Int]
    private var sumX: [Double]
    private var sumY: [Double]
    /// The cells holding nodes, ascending.
    private var occupied: [Int] = []

    init(nodeCount n: Int) {
      side = max(1, Int((Double(n) / 4).squareRoot()))
      cellOf = [Int](repeating: 0, count: n)
      start = [Int](repeating: 0, count: side * side + 1)
      members = [Int](repeating: 0, count: n)
      sumX = [Double](repeating: 0, count: side * side)
      sumY = [Double](repeating: 0, count: side * side)
    }

    /// The cell of each coordinate: the grid spans the bounding box of `points`.
    private func cell(_ value: Double, _ low: Double, _ span: Double) -> Int {
      min(side - 1, max(0, Int((value - low) / span * Double(side))))
    }

    mutating func fill(_ points: [Point]) {
      var (minX, maxX, minY, maxY) = (points[0].x, points[0].x, points[0].y, points[0].y)
      for p in points {
        (minX, maxX) = (min(minX, p.x), max(maxX, p.x))
        (minY, maxY) = (min(minY, p.y), max(maxY, p.y))
      }
      (lowX, lowY, width, height) = (minX, minY, max(maxX - minX, 1e-9), max(maxY - minY, 1e-9))
      for c in 0..<start.count { start[c] = 0 }
      for c in 0..<sumX.count { (sumX[c], sumY[c]) = (0, 0) }
      for (node, p) in points.enumerated() {
        let c = cell(p.y, lowY, height) * side + cell(p.x, lowX, width)
        cellOf[node] = c
        start[c + 1] += 1
        sumX[c] += p.x
        sumY[c] += p.y
      }
      for c in 0..<(start.count - 1) { start[c + 1] += start[c] }
      var next = start
      for node in 0..<points.count {
        members[next[cellOf[node]]] = node
        next[cellOf[node]] += 1
      }
      occupied = (0..<(start.count - 1)).filter { start[$0 + 1] > start[$0] }
    }

    /// The repulsion k²/d on `node` from every other node: exact from the nodes of its own and
    /// the eight neighbouring cells, from every other cell as its node count at its centre of
    /// mass.
    func repulsion(on node: Int, _ points: [Point], k: Double) -> Point {
      let p = points[node]
      let (cx, cy) = (cellOf[node] % side, cellOf[node] / side)
      var force = Point(x: 0, y: 0)
      func push(_ ux: Double, _ uy: Double, _ weight: Double) {
        let d2 = ux * ux + uy * uy
        // k²/d along the unit vector: k² u / d².
        force.x += ux / d2 * k * k * weight
        force.y += uy / d2 * k * k * weight
      }
      for c in occupied {
        let (gx, gy) = (c % side, c / side)
        if abs(gx - cx) <= 1 && abs(gy - cy) <= 1 {
          for other in members[start[c]..<start[c + 1]] where other != node {
            var ux = p.x - points[other].x
            var uy = p.y - points[other].y
            if ux * ux + uy * uy < 1e-18 {
              // Coincident nodes part along a direction fixed by their indices.
              let angle = Double(node &* 7919 &+ other) * 0.618
              (ux, uy) = (cos(angle) * 1e-3, sin(angle) * 1e-3)
            }
            push(ux, uy, 1)
          }
        } else {
          let count = Double(start[c + 1] - start[c])
          let ux = p.x - sumX[c] / count
          let uy = p.y - sumY[c] / count
          if ux * ux + uy * uy > 1e-18 { push(ux, uy, count) }
        }
      }
      return force
    }
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
