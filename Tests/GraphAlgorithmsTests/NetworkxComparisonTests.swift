// Compares every algorithm with the values networkx computed on the small generated graphs in
// Fixtures/ (karate club, a directed random graph, a sparse disconnected graph), to 1e-6 relative
// tolerance for scores and exactly for counts and path lengths.
import GraphAlgorithms
import Testing

@Suite struct NetworkxComparisonTests {
  static let graphs = ["karate", "directed60", "sparse50"]

  @Test(arguments: graphs) func centrality(_ name: String) throws {
    let f = try SmallFixture(name)
    expectClose(DegreeCentrality.run(f.graph, orientation: .outgoing, weighted: false), try f.vector("degree"), "\(name) degree")
    let pr = PageRank.run(f.graph, damping: 0.85, maxIterations: 10000, tolerance: 1e-12, weighted: false)
    #expect(pr.converged)
    expectClose(pr.scores, try f.vector("pageRank"), "\(name) pageRank")
    let weighted = PageRank.run(f.weighted, damping: 0.85, maxIterations: 10000, tolerance: 1e-12, weighted: true)
    expectClose(weighted.scores, try f.vector("pageRankWeighted"), "\(name) weighted pageRank")
    let personal = PageRank.run(f.graph, damping: 0.85, maxIterations: 10000, tolerance: 1e-12, sources: [0, 1], weighted: false)
    expectClose(personal.scores, try f.vector("pageRankPersonalised"), "\(name) personalised pageRank")
    expectClose(Betweenness.run(f.graph, weighted: false), try f.vector("betweenness"), "\(name) betweenness")
    expectClose(Betweenness.run(f.graph, weighted: false, normalized: false), try f.vector("betweennessRaw"), "\(name) raw betweenness")
    expectClose(Betweenness.run(f.weighted, weighted: true), try f.vector("betweennessWeighted"), "\(name) weighted betweenness")
    expectClose(Closeness.closeness(f.graph, weighted: false), try f.vector("closeness"), "\(name) closeness")
    expectClose(Closeness.closeness(f.weighted, weighted: true), try f.vector("closenessWeighted"), "\(name) weighted closeness")
    expectClose(Closeness.harmonic(f.graph, weighted: false), try f.vector("harmonic"), "\(name) harmonic")
    if f.values["eigenvector"] != nil {
      let ev = EigenvectorCentrality.run(f.graph, maxIterations: 10000, tolerance: 1e-12, weighted: false)
      expectClose(ev.scores, try f.vector("eigenvector"), "\(name) eigenvector", tolerance: 1e-5)
    }
    let hits = HITS.run(f.graph, maxIterations: 100_000, tolerance: 1e-14)
    expectClose(hits.hubs, try f.vector("hubs"), "\(name) hubs", tolerance: 1e-5)
    expectClose(hits.authorities, try f.vector("authorities"), "\(name) authorities", tolerance: 1e-5)
  }

  @Test(arguments: graphs) func paths(_ name: String) throws {
    let f = try SmallFixture(name)
    var tree = ShortestPathTree(nodeCount: f.graph.nodeCount)
    tree.bfs(from: 0, f.graph.forward)
    let hops = try f.byNode("bfsHops")
    #expect(tree.order.count == hops.count)
    for (v, d) in hops { #expect(tree.distance[v] == d, "\(name) hops to \(v)") }
    let costs = Dictionary(uniqueKeysWithValues: WeightedPaths.singleSource(f.weighted, from: 0).map { ($0.node, $0.cost) })
    #expect(costs == (try f.byNode("dijkstra")))
    let yen = try #require(f.values["yen"] as? [String: Any])
    let target = try #require(yen["target"] as? Int)
    let expected = try #require(yen["costs"] as? [Double])
    let found = KShortestPaths.yen(f.weighted, from: 0, to: target, k: 5)
    #expect(found.map(\.totalCost) == expected, "\(name) Yen costs")
    for p in found { #expect(Set(p.nodes).count == p.nodes.count, "loopless") }
    let pairs = WeightedPaths.allPairs(f.graph, weighted: false)
    #expect(pairs.count == (try f.int("allPairsPairs")))
    #expect(Int(pairs.reduce(0) { $0 + $1.cost }) == (try f.int("allPairsHopSum")))
    let tree2 = SpanningTree.kruskal(f.weighted)
    #expect(tree2.count == (try f.int("mstEdges")))
    #expect(tree2.reduce(0) { $0 + $1.weight } == (try f.double("mstWeight")))
  }

  @Test(arguments: graphs) func communities(_ name: String) throws {
    let f = try SmallFixture(name)
    #expect(Set(Components.weak(f.graph)).count == (try f.int("wccCount")))
    #expect(Set(Components.strong(f.graph)).count == (try f.int("sccCount")))
    let sets = NeighbourSets(f.graph)
    let triangles = Triangles.count(sets)
    #expect(triangles.map(Double.init) == (try f.vector("triangles")))
    expectClose(Triangles.clustering(sets, triangles: triangles), try f.vector("clustering"), "\(name) clustering")
    #expect(Triangles.coreNumbers(sets).map(Double.init) == (try f.vector("coreNumber")))
    let louvain = Louvain.run(sets, resolution: 1, maxLevels: 10, maxPasses: 10, tolerance: 1e-7, seed: 42)
    #expect(close(louvain.modularity, Louvain.modularity(sets, louvain.communities)))
    #expect(louvain.modularity >= (try f.double("louvainModularity")) - 0.03, "\(name) Louvain modularity \(louvain.modularity)")
  }

  @Test(arguments: graphs) func jaccard(_ name: String) throws {
    let f = try SmallFixture(name)
    let expected = try #require(f.values["jaccard"] as? [String: Double])
    let undirected = f.graph.undirected()
    let (rows, reverse) = NodeSimilarity.neighbourRows(undirected, .both)
    let pairs = NodeSimilarity.run(
      rows: rows, reverse: reverse, nodeCount: f.graph.nodeCount, metric: .jaccard, topK: .max, cutoff: 1e-12)
    // networkx scores only non-adjacent pairs.
    var found: [String: Double] = [:]
    for p in pairs where p.first < p.second {
      let adjacent = rows.targets[rows.offsets[p.first]..<rows.offsets[p.first + 1]].contains(Int32(p.second))
      if !adjacent { found["\(p.first),\(p.second)"] = p.similarity }
    }
    #expect(found.count == expected.count)
    for (key, value) in expected { #expect(found[key].map { close($0, value) } == true, "\(name) jaccard \(key)") }
  }
}
