// Known answers on small textbook graphs: paths, stars, cycles and the classic examples for
// Dijkstra, strongly connected components, minimum spanning trees, triangles and k-cores.
import GraphAlgorithms
import Testing

/// A graph on nodes 0..<n from (source, target, weight) triples.
func graph(_ n: Int, _ edges: [(Int, Int, Double)], directed: Bool, weighted: Bool = true) -> CSRGraph {
  CSRGraph(
    nodeIDs: (0..<Int64(n)).map { $0 }, sources: edges.map { Int32($0.0) }, targets: edges.map { Int32($0.1) },
    weights: weighted ? edges.map(\.2) : nil, directed: directed)
}

@Suite struct KnownAnswerTests {
  /// 0 - 1 - 2 - 3 - 4
  let path5 = graph(5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1)], directed: false, weighted: false)

  @Test func betweennessOfAPath() {
    // Pairs through node 1: (0,2),(0,3),(0,4) = 3 of C(4,2) = 6 pairs; node 2: 4 of 6.
    let b = Betweenness.run(path5, weighted: false)
    expectClose(b, [0, 0.5, 4.0 / 6, 0.5, 0], "path betweenness")
    expectClose(Betweenness.run(path5, weighted: false, normalized: false), [0, 3, 4, 3, 0], "raw path betweenness")
  }

  @Test func starCentre() {
    let star = graph(5, (1..<5).map { (0, $0, 1) }, directed: false, weighted: false)
    expectClose(Betweenness.run(star, weighted: false), [1, 0, 0, 0, 0], "star betweenness")
    expectClose(Closeness.closeness(star, weighted: false), [1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7], "star closeness")
    expectClose(DegreeCentrality.run(star, orientation: .outgoing, weighted: false), [4, 1, 1, 1, 1], "star degree")
  }

  @Test func pageRankOfACycleIsUniform() {
    let cycle = graph(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1)], directed: true, weighted: false)
    let r = PageRank.run(cycle, damping: 0.85, maxIterations: 100, tolerance: 1e-10, weighted: false)
    expectClose(r.scores, [0.25, 0.25, 0.25, 0.25], "cycle PageRank")
  }

  /// CLRS figure 24.6: s=0 t=1 x=2 y=3 z=4.
  @Test func dijkstraOnTheTextbookExample() throws {
    let g = graph(
      5, [(0, 1, 10), (0, 3, 5), (1, 2, 1), (1, 3, 2), (2, 4, 4), (3, 1, 3), (3, 2, 9), (3, 4, 2), (4, 0, 7), (4, 2, 6)],
      directed: true)
    let costs = Dictionary(uniqueKeysWithValues: WeightedPaths.singleSource(g, from: 0).map { ($0.node, $0.cost) })
    #expect(costs == [0: 0, 1: 8, 2: 9, 3: 5, 4: 7])
    let p = try #require(WeightedPaths.singlePair(g, from: 0, to: 2))
    #expect(p.nodes == [0, 3, 1, 2])
    #expect(p.costs == [0, 5, 8, 9])
    let yen = KShortestPaths.yen(g, from: 0, to: 2, k: 3)
    #expect(yen.map(\.totalCost) == [9, 11, 13])
  }

  /// CLRS figure 22.9: SCCs {a,b,e}, {c,d}, {f,g}, {h}.
  @Test func stronglyConnectedComponentsOfTheTextbookExample() {
    let e: [(Int, Int, Double)] = [
      (0, 1, 1), (1, 2, 1), (1, 4, 1), (1, 5, 1), (2, 3, 1), (2, 6, 1), (3, 2, 1), (3, 7, 1), (4, 0, 1), (4, 5, 1),
      (5, 6, 1), (6, 5, 1), (6, 7, 1), (7, 7, 1),
    ]
    let scc = Components.strong(graph(8, e, directed: true))
    #expect(scc == [0, 0, 1, 1, 0, 2, 2, 3])
    #expect(Set(Components.weak(graph(8, e, directed: true))).count == 1)
  }

  /// Weak components join nodes along edges of either direction and are numbered by their
  /// lowest node; here every edge points from a higher index to a lower one.
  @Test func weaklyConnectedComponentsFollowEdgesBackwards() {
    let e: [(Int, Int, Double)] = [(3, 0, 1), (2, 1, 1), (5, 4, 1), (6, 3, 1)]
    #expect(Components.weak(graph(8, e, directed: true)) == [0, 1, 1, 0, 2, 2, 0, 3])
    #expect(Components.weak(graph(8, e, directed: false)) == [0, 1, 1, 0, 2, 2, 0, 3])
  }

  /// CLRS figure 23.1: minimum spanning tree of weight 37.
  @Test func minimumSpanningTreeOfTheTextbookExample() {
    let e: [(Int, Int, Double)] = [
      (0, 1, 4), (0, 7, 8), (1, 2, 8), (1, 7, 11), (2, 3, 7), (2, 8, 2), (2, 5, 4), (3, 4, 9), (3, 5, 14), (4, 5, 10),
      (5, 6, 2), (6, 7, 1), (6, 8, 6), (7, 8, 7),
    ]
    let tree = SpanningTree.kruskal(graph(9, e, directed: false))
    #expect(tree.count == 8)
    #expect(tree.reduce(0) { $0 + $1.weight } == 37)
  }

  @Test func trianglesClusteringAndCoresOfK4WithATail() {
    // K4 on 0..3 plus the tail 3 - 4.
    let g = graph(
      5, [(0, 1, 1), (0, 2, 1), (0, 3, 1), (1, 2, 1), (1, 3, 1), (2, 3, 1), (3, 4, 1)], directed: false, weighted: false)
    let s = NeighbourSets(g)
    let t = Triangles.count(s)
    #expect(t == [3, 3, 3, 3, 0])
    expectClose(Triangles.clustering(s, triangles: t), [1, 1, 1, 0.5, 0], "clustering")
    #expect(Triangles.coreNumbers(s) == [3, 3, 3, 3, 1])
  }

  @Test func traversalOrders() {
    // 0 → 1, 0 → 2, 1 → 3, 2 → 3, 3 → 4
    let g = graph(5, [(0, 1, 1), (0, 2, 1), (1, 3, 1), (2, 3, 1), (3, 4, 1)], directed: true, weighted: false)
    #expect(Traversal.bfs(g.forward, nodeCount: 5, from: 0).map(\.node) == [0, 1, 2, 3, 4])
    #expect(Traversal.bfs(g.forward, nodeCount: 5, from: 0).map(\.depth) == [0, 1, 1, 2, 3])
    #expect(Traversal.dfs(g.forward, nodeCount: 5, from: 0).map(\.node) == [0, 1, 3, 4, 2])
    #expect(Traversal.bfs(g.forward, nodeCount: 5, from: 0, maxDepth: 1).map(\.node) == [0, 1, 2])
  }

  @Test func labelPropagationAndLouvainSplitTwoCliques() {
    // Two 5-cliques joined by the edge 4 - 5.
    var e: [(Int, Int, Double)] = [(4, 5, 1)]
    for base in [0, 5] {
      for i in 0..<5 { for j in (i + 1)..<5 { e.append((base + i, base + j, 1)) } }
    }
    let s = NeighbourSets(graph(10, e, directed: false, weighted: false))
    let lpa = LabelPropagation.run(s, maxIterations: 20, seed: 1).communities
    #expect(Set(lpa[0..<5]).count == 1 && Set(lpa[5..<10]).count == 1 && lpa[0] != lpa[9])
    let louvain = Louvain.run(s, resolution: 1, maxLevels: 10, maxPasses: 10, tolerance: 1e-7, seed: 1)
    #expect(louvain.communities == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    // Q = 2 × (10/21 − (21/42)²) for two communities of 10 internal edges and degree sum 21.
    #expect(close(louvain.modularity, 2 * (10.0 / 21 - 0.25)))
  }

  @Test func jaccardAndOverlap() {
    // 0 and 1 share neighbours {2, 3}; 0 also has 4.
    let g = graph(5, [(0, 2, 1), (0, 3, 1), (0, 4, 1), (1, 2, 1), (1, 3, 1)], directed: true, weighted: false)
    let (rows, reverse) = NodeSimilarity.neighbourRows(g, .outgoing)
    let jac = NodeSimilarity.run(rows: rows, reverse: reverse, nodeCount: 5, metric: .jaccard, topK: 10, cutoff: 0.1)
    #expect(jac == [SimilarPair(first: 0, second: 1, similarity: 2.0 / 3), SimilarPair(first: 1, second: 0, similarity: 2.0 / 3)])
    let overlap = NodeSimilarity.run(rows: rows, reverse: reverse, nodeCount: 5, metric: .overlap, topK: 1, cutoff: 0)
    #expect(overlap.map(\.similarity) == [1, 1])
  }
}
