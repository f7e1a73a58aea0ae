// The graph drawing of the HTML reports: the force-directed layout is deterministic for a seed,
// keeps every node inside the frame and brings connected nodes closer than unconnected ones;
// the drawing samples the highest-scored nodes beyond its limit (always keeping highlighted
// ones) and writes one circle per drawn node. Also the path counts of ReportGraph.
import Foundation
import Quiver
import QuiverShellSupport
import Testing

@Suite("Report graph drawing", .tags(.engine))
struct GraphLayoutTests {
  /// A 6 × 6 lattice: node r*6+c joined to its right and lower neighbours.
  static let lattice: [(Int, Int)] = (0..<36).flatMap { node -> [(Int, Int)] in
    var edges: [(Int, Int)] = []
    if node % 6 < 5 { edges.append((node, node + 1)) }
    if node / 6 < 5 { edges.append((node, node + 6)) }
    return edges
  }

  static func distance(_ a: ForceLayout.Point, _ b: ForceLayout.Point) -> Double {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
  }

  @Test("the same seed gives the same positions; another seed others")
  func deterministic() {
    let first = ForceLayout.positions(nodeCount: 36, edges: Self.lattice, seed: 7)
    let again = ForceLayout.positions(nodeCount: 36, edges: Self.lattice, seed: 7)
    let other = ForceLayout.positions(nodeCount: 36, edges: Self.lattice, seed: 8)
    #expect(first == again)
    #expect(first != other)
    #expect(first.count == 36)
  }

  @Test("every position is inside the unit square", arguments: [0, 1, 2, 36, 500])
  func inside(nodes: Int) {
    let edges = (0..<max(0, nodes - 1)).map { ($0, $0 + 1) }
    let points = ForceLayout.positions(nodeCount: nodes, edges: edges, seed: 3)
    #expect(points.count == nodes)
    #expect(points.allSatisfy { (0...1).contains($0.x) && (0...1).contains($0.y) })
  }

  @Test("connected nodes end closer on average than unconnected ones")
  func connectedCloser() {
    let points = ForceLayout.positions(nodeCount: 36, edges: Self.lattice, seed: 1)
    let joined = Set(Self.lattice.map { $0.0 * 36 + $0.1 })
    var connected: [Double] = []
    var apart: [Double] = []
    for a in 0..<36 {
      for b in (a + 1)..<36 {
        (joined.contains(a * 36 + b) ? { connected.append($0) } : { apart.append($0) })(Self.distance(points[a], points[b]))
      }
    }
    let meanConnected = connected.reduce(0, +) / Double(connected.count)
    let meanApart = apart.reduce(0, +) / Double(apart.count)
    #expect(connected.count == 60)
    #expect(meanConnected * 2 < meanApart, "connected \(meanConnected), apart \(meanApart)")
  }

  /// A report graph of a star: centre 0 and `leaves` leaves.
  static func star(_ leaves: Int) -> ReportGraph {
    let edges = AnalyticsEdges(
      nodeIDs: (0...Int64(leaves)).map { $0 }, sources: [Int32](repeating: 0, count: leaves),
      targets: (1...Int32(leaves)).map { $0 }, weights: nil, relationshipIDs: (0..<Int64(leaves)).map { $0 })
    return ReportGraph(edges, direction: .undirected)
  }

  @Test("within the limit every node is drawn inside the viewBox, one circle each")
  func drawing() {
    let graph = Self.star(10)
    let scores = graph.degrees().map(Double.init)
    let drawing = GraphDrawing.make(graph, GraphDrawing.Input(scores: scores, scoreName: "degree", groups: nil, limit: 100))
    #expect(drawing.nodes.count == 11)
    #expect(drawing.edges.count == 10)
    #expect(!drawing.sampled)
    #expect(drawing.nodes.allSatisfy { $0.x >= 16 && $0.x <= 744 && $0.y >= 16 && $0.y <= 544 })
    // The centre (the highest score) is the largest circle.
    #expect(drawing.nodes[0].radius == 11)
    #expect(drawing.nodes.dropFirst().allSatisfy { abs($0.radius - (2.5 + 8.5 * (0.1).squareRoot())) < 1e-9 })
    let svg = drawing.svg(title: "star")
    #expect(svg.components(separatedBy: "<circle ").count - 1 == 11)
    #expect(svg.components(separatedBy: "<line ").count - 1 == 10)
    #expect(svg.hasPrefix("<svg class=\"graph\" viewBox=\"0 0 760 560\""))
    let again = GraphDrawing.make(graph, GraphDrawing.Input(scores: scores, scoreName: "degree", groups: nil, limit: 100))
    #expect(again == drawing)
  }

  @Test("beyond the limit: highlighted nodes and the highest-scored others (ties by id), and the edges among them")
  func sample() {
    let graph = Self.star(10)
    var input = GraphDrawing.Input(scores: graph.degrees().map(Double.init), scoreName: "degree", groups: nil, limit: 4)
    let drawing = GraphDrawing.make(graph, input)
    #expect(drawing.nodes.map(\.id) == [0, 1, 2, 3])
    #expect(drawing.edges.count == 3)
    #expect(drawing.sampled)
    #expect(drawing.sentence == "A sample: the 4 highest-scored (by degree) of 11 nodes and the 3 relationships among them (of 10); node size by degree.")
    input.highlightedNodes = [9, 10]
    let highlighted = GraphDrawing.make(graph, input)
    // The highlighted nodes count towards the limit: they and the two highest-scored others.
    #expect(highlighted.nodes.map(\.id) == [0, 1, 9, 10])
    #expect(highlighted.nodes.filter(\.highlighted).map(\.id) == [9, 10])
  }

  @Test("path counts: a 3 × 3 grid walked right and down has 6 shortest paths corner to corner")
  func pathCounts() {
    // Node r*3+c → right and down.
    var sources: [Int32] = []
    var targets: [Int32] = []
    for node in 0..<9 {
      if node % 3 < 2 { sources.append(Int32(node)); targets.append(Int32(node + 1)) }
      if node / 3 < 2 { sources.append(Int32(node)); targets.append(Int32(node + 3)) }
    }
    let edges = AnalyticsEdges(
      nodeIDs: (0..<9).map { Int64($0) }, sources: sources, targets: targets, weights: nil,
      relationshipIDs: sources.indices.map { Int64($0) })
    let graph = ReportGraph(edges, direction: .directed)
    let hops = graph.hopCounts(from: 0)
    #expect(hops.hops[8] == 4)
    #expect(hops.paths[8] == 6)
    #expect(hops.paths[4] == 2)
    let costs = graph.costCounts(from: 0)
    #expect(costs.costs[8] == 4)
    #expect(costs.paths[8] == 6)
    let back = graph.hopCounts(from: 8)
    #expect(back.hops[0] == -1 && back.paths[0] == 0)
  }

  @Test("cheapest-path counts with weight 0: ties reached through a free relationship count, a free cycle is infinite")
  func zeroWeightPathCounts() {
    // s=0 → a=1 (1), s → b=2 (1), b → a (0): two cheapest paths to a, both of cost 1.
    func graph(_ sources: [Int32], _ targets: [Int32], _ weights: [Double], nodes: Int) -> ReportGraph {
      let edges = AnalyticsEdges(
        nodeIDs: (0..<nodes).map { Int64($0) }, sources: sources, targets: targets, weights: weights,
        relationshipIDs: sources.indices.map { Int64($0) })
      return ReportGraph(edges, direction: .directed)
    }
    let tie = graph([0, 0, 2], [1, 2, 1], [1, 1, 0], nodes: 3).costCounts(from: 0)
    #expect(tie.costs == [0, 1, 1])
    #expect(tie.paths == [1, 2, 1])
    // The same with the free relationship listed first, and a node 3 behind a (cost 3).
    let order = graph([2, 0, 0, 1], [1, 1, 2, 3], [0, 1, 1, 2], nodes: 4).costCounts(from: 0)
    #expect(order.costs == [0, 1, 1, 3])
    #expect(order.paths == [1, 2, 1, 2])
    // a ⇄ b both free: infinitely many cheapest paths to a, b and c behind them; none to d.
    let cycle = graph([0, 1, 2, 1], [1, 2, 1, 3], [1, 0, 0, 5], nodes: 5).costCounts(from: 0)
    #expect(cycle.costs[1] == 1 && cycle.costs[2] == 1 && cycle.costs[3] == 6 && cycle.costs[4] == .infinity)
    #expect(cycle.paths[0] == 1)
    #expect(cycle.paths[1] == .infinity && cycle.paths[2] == .infinity && cycle.paths[3] == .infinity)
    #expect(cycle.paths[4] == 0)
    #expect(PathReportRenderer.count(.infinity) == "infinitely many")
    #expect(PathReportRenderer.jsonCount(.infinity) == "\"infinite\"")
  }

  @Test("centrality HTML: the star drawn sized by the first measure, sampled under --draw-limit")
  func centralityDrawing() throws {
    var options = ReportFixture.options([.degree, .pagerank])
    options.draws = true
    let report = try CentralityReport.compute(on: ReportFixture.database(ReportFixture.star), options: options)
    let drawing = try #require(report.drawing)
    #expect(drawing.nodes.count == 5)
    #expect(drawing.edges.count == 4)
    #expect(drawing.scoreName == "Degree")
    #expect(drawing.nodes.first { $0.id == 0 }?.radius == 11)
    #expect(drawing.nodes.first { $0.id == 0 }?.label == "centre (node 0)")
    let html = ReportFormat.html.render(report)
    #expect(html.components(separatedBy: "<circle class=\"node\"").count - 1 == 5)
    #expect(html.contains("<a href=\"#graph\">Graph</a>"))
    options.drawLimit = 2
    let sampled = try #require(
      try CentralityReport.compute(on: ReportFixture.database(ReportFixture.star), options: options).drawing)
    #expect(sampled.nodes.map(\.id) == [0, 1])
    #expect(sampled.edges.count == 1)
    #expect(ReportFormat.html.render(
      try CentralityReport.compute(on: ReportFixture.database(ReportFixture.star), options: options)
    ).contains("A sample: the 2 highest-scored (by Degree) of 5 nodes and the 1 relationship among them (of 4)"))
  }
}
