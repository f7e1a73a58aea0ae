// R1-layout: the force-directed layout of the HTML reports' graph drawings, timed on a seeded
// random graph of `nodes` nodes with five relationships per node (a social graph's density), at
// the iterations the reports use for that size. The answer is a checksum of the positions, which
// must repeat for the seed.
import Foundation
import QuiverShellSupport

/// `layout [--nodes N]`: the time of `ForceLayout.positions` for N nodes (default 2,000).
struct LayoutWorkload {
  let nodes: Int
  let repetitions: Int

  func measure() {
    var state: UInt64 = 0x5EED
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % nodes
    }
    let edges = (0..<(5 * nodes)).map { i in (i % nodes, next()) }
    var points: [ForceLayout.Point] = []
    var m = Measurement(workload: "R1-layout-\(nodes)", dataset: "random")
    m.seconds = Measurement.time(repetitions) { points = ForceLayout.positions(nodeCount: nodes, edges: edges, seed: 1) }
    m.extra["iterations"] = ForceLayout.defaultIterations(nodeCount: nodes)
    m.extra["edges"] = edges.count
    m.extra["answer"] = ["checksum": points.reduce(0) { $0 + $1.x + 2 * $1.y }]
    m.report()
  }
}
