// shortestPath on random graphs against a breadth-first search written here from the edge list:
// the length, that the path is a real walk from one end to the other, hop limits, undirected
// patterns and relationship property filters.
import Quiver
import Testing

@Suite struct ShortestPathTests {
  /// A random directed graph of `n` nodes `(:N {i})` and `(:N)-[:R {w}]->(:N)` edges, after
  /// `padding` unconnected nodes (which make the graph large enough for a search to hash the
  /// nodes it reaches instead of filling arrays as long as the graph).
  private func randomGraph(seed: UInt64, n: Int, edges: Int, padding: Int = 0) throws -> (Database, [(Int, Int, Int)]) {
    var rng = IndexTests.Generator(state: seed)
    var list: [(Int, Int, Int)] = []
    for _ in 0..<edges {
      list.append((Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)), Int(rng.next() % 3)))
    }
    let db = try Database()
    if padding > 0 { _ = try db.execute("UNWIND range(1, $n) AS i CREATE (:Pad)", parameters: ["n": .int(Int64(padding))]) }
    _ = try db.execute("UNWIND range(0, $n - 1) AS i CREATE (:N {i: i})", parameters: ["n": .int(Int64(n))])
    _ = try db.execute("CREATE INDEX FOR (x:N) ON (x.i)")
    _ = try db.execute(
      "UNWIND $edges AS e MATCH (a:N {i: e[0]}), (b:N {i: e[1]}) CREATE (a)-[:R {w: e[2]}]->(b)",
      parameters: ["edges": .list(list.map { .list([.int(Int64($0.0)), .int(Int64($0.1)), .int(Int64($0.2))]) })])
    return (db, list)
  }

  /// Hop distance from `source` to every node over `edges`, following them forwards, or both ways.
  private func distances(_ edges: [(Int, Int, Int)], n: Int, from source: Int, undirected: Bool) -> [Int?] {
    var next = [[Int]](repeating: [], count: n)
    for (a, b, _) in edges {
      next[a].append(b)
      if undirected { next[b].append(a) }
    }
    var distance = [Int?](repeating: nil, count: n)
    distance[source] = 0
    var queue = [source]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in next[v] where distance[w] == nil {
        distance[w] = (distance[v] ?? 0) + 1
        queue.append(w)
      }
    }
    return distance
  }

  private func check(
    seed: UInt64, pattern: String, undirected: Bool = false, reversed: Bool = false, maxHops: Int? = nil, onlyWeight: Int? = nil,
    padding: Int = 0
  ) throws {
    let n = 120
    let (db, edges) = try randomGraph(seed: seed, n: n, edges: 200, padding: padding)
    let kept = onlyWeight.map { w in edges.filter { $0.2 == w } } ?? edges
    let usable = reversed ? kept.map { ($0.1, $0.0, $0.2) } : kept
    var rng = IndexTests.Generator(state: seed &* 31)
    for _ in 0..<25 {
      let a = Int(rng.next() % UInt64(n))
      let b = Int(rng.next() % UInt64(n))
      guard a != b else { continue }
      let expected = distances(usable, n: n, from: a, undirected: undirected)[b].flatMap { d in
        maxHops.map { d <= $0 ? d : nil } ?? d
      }
      let r = try db.execute(
        "MATCH p = shortestPath((a:N {i: $a})\(pattern)(b:N {i: $b})) RETURN length(p) AS l, [x IN nodes(p) | x.i] AS ids",
        parameters: ["a": .int(Int64(a)), "b": .int(Int64(b))]
      ).rows
      #expect(r.count == (expected == nil ? 0 : 1), "\(a) to \(b) over \(pattern)")
      guard let row = r.first, let expected else { continue }
      #expect(row[0].intValue == Int64(expected), "\(a) to \(b) over \(pattern)")
      let ids = row[1].listValue?.compactMap { $0.intValue }.map(Int.init) ?? []
      #expect(ids.first == a && ids.last == b && ids.count == expected + 1)
      for (x, y) in zip(ids, ids.dropFirst()) {
        let step = usable.contains { ($0.0 == x && $0.1 == y) || (undirected && $0.0 == y && $0.1 == x) }
        #expect(step, "\(x) to \(y) is no edge of the pattern, on the path from \(a) to \(b)")
      }
    }
  }

  @Test(arguments: [3, 4, 5])
  func directedPathsHaveTheBreadthFirstLength(seed: UInt64) throws {
    try check(seed: seed, pattern: "-[:R*]->")
  }

  /// Past 65,536 node ids the search hashes the nodes it reaches; the paths are the same.
  @Test func pathsOnAGraphPastTheDenseLimit() throws {
    try check(seed: 3, pattern: "-[:R*]->", padding: 70_000)
    try check(seed: 6, pattern: "-[:R*]-", undirected: true, padding: 70_000)
  }

  @Test(arguments: [6, 7])
  func undirectedAndHopLimitedPaths(seed: UInt64) throws {
    try check(seed: seed, pattern: "-[:R*]-", undirected: true)
    try check(seed: seed, pattern: "-[:R*..3]->", maxHops: 3)
    try check(seed: seed, pattern: "<-[:R*..2]-", reversed: true, maxHops: 2)
  }

  @Test(arguments: [8, 9])
  func relationshipPropertiesFilterTheSearch(seed: UInt64) throws {
    try check(seed: seed, pattern: "-[:R* {w: 1}]->", onlyWeight: 1)
    try check(seed: seed, pattern: "-[:R*..4 {w: 2}]-", undirected: true, maxHops: 4, onlyWeight: 2)
  }
}
