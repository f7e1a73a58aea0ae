// Compares the algorithms with networkx on the real SNAP ego-Facebook graph (4,039 nodes, 88,234
// edges), read from ../shared/bench/data relative to the repository; the fixture keeps the top 20
// scores per algorithm and a few totals. Skipped, with a note, when the data file is absent.
import GraphAlgorithms
import Testing

@Suite(.enabled(if: TestData.facebookAvailable, "needs ../shared/bench/data/facebook_combined.txt.gz next to the repository"))
struct FacebookComparisonTests {
  let graph: CSRGraph
  let expected: [String: Any]

  init() throws {
    graph = try TestData.facebookGraph()
    expected = try TestData.fixture("facebook")
  }

  /// Expects `scores` to match every (node, score) of the fixture's top list `key`.
  private func expectTop(_ scores: [Double], _ key: String, tolerance: Double = 1e-6) throws {
    let top = try #require(expected[key] as? [[Double]], "\(key)")
    #expect(top.count == 20)
    for entry in top {
      let node = Int(entry[0])
      #expect(close(scores[node], entry[1], tolerance), "\(key): node \(node) has \(scores[node]), networkx \(entry[1])")
    }
    // The fixture's 20th score bounds every score outside it.
    let listed = Set(top.map { Int($0[0]) })
    let floor = top.last?[1] ?? 0
    #expect(scores.indices.allSatisfy { listed.contains($0) || scores[$0] <= floor * (1 + tolerance) }, "\(key) top 20")
  }

  @Test func shape() {
    #expect(graph.nodeCount == expected["nodeCount"] as? Int)
    #expect(graph.edgeCount == 2 * ((expected["edgeCount"] as? Int) ?? 0))
  }

  @Test func pageRankDegreeAndEigenvector() throws {
    let pr = PageRank.run(graph, damping: 0.85, maxIterations: 10000, tolerance: 1e-12, weighted: false)
    #expect(abs(pr.scores.reduce(0, +) - 1) < 1e-9)
    try expectTop(pr.scores, "pageRankTop")
    try expectTop(DegreeCentrality.run(graph, orientation: .outgoing, weighted: false), "degreeTop")
    let ev = EigenvectorCentrality.run(graph, maxIterations: 10000, tolerance: 1e-12, weighted: false)
    try expectTop(ev.scores, "eigenvectorTop", tolerance: 1e-5)
  }

  @Test func betweennessClosenessAndHarmonic() throws {
    try expectTop(Betweenness.run(graph, weighted: false), "betweennessTop")
    try expectTop(Closeness.closeness(graph, weighted: false), "closenessTop")
    try expectTop(Closeness.harmonic(graph, weighted: false), "harmonicTop")
  }

  @Test func trianglesCoresAndComponents() throws {
    let sets = NeighbourSets(graph)
    let t = Triangles.count(sets)
    #expect(t.reduce(0, +) / 3 == expected["triangleTotal"] as? Int)
    try expectTop(t.map(Double.init), "trianglesTop")
    let clustering = Triangles.clustering(sets, triangles: t)
    let average = clustering.reduce(0, +) / Double(clustering.count)
    #expect(close(average, (expected["averageClustering"] as? Double) ?? 0))
    let cores = Triangles.coreNumbers(sets)
    #expect(cores.max() == expected["maxCore"] as? Int)
    let histogram = try #require(expected["coreHistogramTop"] as? [[Int]])
    for pair in histogram { #expect(cores.filter { $0 == pair[0] }.count == pair[1], "core \(pair[0])") }
    #expect(Set(Components.weak(graph)).count == expected["wccCount"] as? Int)
  }

  @Test func breadthFirstSearchAndLouvain() throws {
    let bfs = try #require(expected["bfsFrom0"] as? [String: Int])
    let visits = Traversal.bfs(graph.forward, nodeCount: graph.nodeCount, from: 0)
    #expect(visits.count == bfs["reached"])
    #expect(visits.map(\.depth).max() == bfs["eccentricity"])
    #expect(visits.map(\.depth).reduce(0, +) == bfs["hopSum"])
    let sets = NeighbourSets(graph)
    let louvain = Louvain.run(sets, resolution: 1, maxLevels: 10, maxPasses: 10, tolerance: 1e-7, seed: 42)
    let reference = (expected["louvainModularity"] as? Double) ?? 1
    #expect(louvain.modularity >= reference - 0.02, "Louvain reached \(louvain.modularity), networkx \(reference)")
  }
}
