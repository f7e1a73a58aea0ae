// k-nearest neighbours over node properties: the 3 best of each node by cosine, Euclidean and
// Jaccard similarity, and the mean of cosine and a number's similarity, against values computed
// directly in Python (Fixtures/knn.json), through `algo.knn` and `db.algorithms.knn`; known
// answers for Pearson and overlap; the cut-off; the refused configurations.
import Foundation
import Quiver
import Testing

@Suite struct NearestNeighboursTests {
  /// The fixture's nodes as a database (:P {i, v, s, x}) with its id per fixture index.
  private func database() throws -> (Database, [String: Any], [Int64]) {
    let f = try TestData.fixture("knn")
    let vectors = try #require(f["vectors"] as? [[Double]])
    let sets = try #require(f["sets"] as? [[Int]])
    let numbers = try #require(f["numbers"] as? [Int])
    let db = try Database()
    let rows = try db.execute(
      "UNWIND range(0, size($v) - 1) AS i CREATE (p:P {i: i, v: $v[i], s: $s[i], x: $x[i]}) RETURN id(p) ORDER BY i",
      parameters: [
        "v": .list(vectors.map { .list($0.map(Value.float)) }), "s": .list(sets.map { .list($0.map { .int(Int64($0)) }) }),
        "x": .list(numbers.map { .int(Int64($0)) }),
      ])
    return (db, f, rows.rows.compactMap { $0[0].intValue })
  }

  /// Expects `rows` of (node1 index, node2 index, similarity) to be the fixture's `key` rows.
  private func expectRows(_ got: [(Int, Int, Double)], _ f: [String: Any], _ key: String) throws {
    let want = try #require(f[key] as? [[Double]])
    #expect(got.count == want.count, "\(key): \(got.count) rows")
    for (g, w) in zip(got, want) where g.0 != Int(w[0]) || g.1 != Int(w[1]) || !close(g.2, w[2], 1e-12) {
      Issue.record("\(key): got \(g), Python says \(w)")
      return
    }
  }

  @Test(arguments: [
    ("cosine", "'v'"), ("euclidean", "{v: 'euclidean'}"), ("jaccard", "'s'"), ("cosineAndNumber", "['v', 'x']"),
  ])
  func matchesPythonThroughCypher(key: String, properties: String) throws {
    let (db, f, _) = try database()
    let r = try db.execute(
      """
      CALL algo.knn({label: 'P', nodeProperties: \(properties), topK: 3}) YIELD node1, node2, similarity
      RETURN node1.i, node2.i, similarity
      """)
    try expectRows(r.rows.map { (Int($0[0].intValue ?? -1), Int($0[1].intValue ?? -1), $0[2].doubleValue ?? .nan) }, f, key)
  }

  @Test func matchesPythonThroughTheAPI() throws {
    let (db, f, ids) = try database()
    let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
    func rows(_ pairs: [SimilarNodes]) -> [(Int, Int, Double)] { pairs.map { (index[$0.node1] ?? -1, index[$0.node2] ?? -1, $0.similarity) } }
    try expectRows(rows(try db.algorithms.knn(nodeProperties: ["v"], metrics: ["v": .euclidean], topK: 3)), f, "euclidean")
    try expectRows(rows(try db.algorithms.knn(nodeProperties: ["s"], topK: 3)), f, "jaccard")
    try expectRows(rows(try db.algorithms.knn(nodeProperties: ["v", "x"], topK: 3)), f, "cosineAndNumber")
  }

  @Test func pearsonOverlapAndCutoff() throws {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (:Q {n: 'a', v: [1.0, 2.0, 3.0], s: ['x', 'y']}), (:Q {n: 'b', v: [2.0, 4.0, 6.5], s: ['x', 'y', 'z']}),
             (:Q {n: 'c', v: [3.0, 2.0, 1.0], s: ['z']})
      """)
    let pearson = try db.execute(
      "CALL algo.knn({nodeProperties: {v: 'PEARSON'}, topK: 1, similarityCutoff: -1}) YIELD node1, node2, similarity RETURN node1.n, node2.n, similarity")
    // b is nearly a scaled a; c is a reversed, so its best (least anti-correlated) is b.
    #expect(pearson.rows.map { [$0[0].stringValue, $0[1].stringValue] } == [["a", "b"], ["b", "a"], ["c", "b"]])
    #expect(close(pearson.rows[0][2].doubleValue ?? 0, 0.9979487157886733, 1e-12))
    #expect(close(pearson.rows[2][2].doubleValue ?? 0, -0.9979487157886733, 1e-12))
    let overlap = try db.execute(
      "CALL algo.knn({nodeProperties: {s: 'overlap'}, topK: 2, similarityCutoff: 0.5}) YIELD node1, node2, similarity RETURN node1.n, node2.n, similarity")
    #expect(overlap.rows.map { [$0[0].stringValue, $0[1].stringValue] } == [["a", "b"], ["b", "a"], ["b", "c"], ["c", "b"]])
    #expect(overlap.rows.map { $0[2].doubleValue } == [1, 1, 1, 1])
  }

  @Test(arguments: [
    ("{}", "algo.knn: configuration key 'nodeProperties' is required (a property name, a list of them, or a map of name to metric)"),
    ("{nodeProperties: 'v', topK: 0}", "algo.knn: configuration key 'topK' must be at least 1, got 0"),
    ("{nodeProperties: 'nothing'}", "algo.knn: configuration key 'nodeProperties' 'nothing' is missing on node 0; every node needs it"),
    ("{nodeProperties: {v: 'MANHATTAN'}}",
     "algo.knn: configuration key 'nodeProperties' names the metric 'MANHATTAN' for 'v'; known metrics: 'COSINE', 'EUCLIDEAN', 'PEARSON', 'JACCARD', 'OVERLAP'"),
    ("{nodeProperties: 'w'}",
     "algo.knn: configuration key 'nodeProperties' 'w' has 1 numbers on node 1 but 2 on node 0; vectors need one length"),
    ("{nodeProperties: {x: 'COSINE'}}", "algo.knn: configuration key 'nodeProperties' 'x' holds numbers, which take no metric"),
    ("{nodeProperties: 's', weightProperty: 'w'}",
     "algo.knn: unknown configuration key 'weightProperty' (known keys: 'aggregation', 'direction', 'graph', 'label', 'nodeProperties', 'relationshipType', 'similarityCutoff', 'topK')"),
  ])
  func refusedConfigurations(config: String, message: String) throws {
    let db = try Database()
    _ = try db.execute("CREATE ({v: [1.0, 2.0], w: [1.0, 0.5], s: [1], x: 1}), ({v: [2.0, 1.0], w: [0.5], s: [2], x: 2})")
    do {
      _ = try db.execute("CALL algo.knn(\(config)) YIELD node1 RETURN node1")
      Issue.record("\(config) was accepted")
    } catch let error as QuiverError {
      #expect(error.code == .invalidArgumentValue)
      #expect(error.message == message)
    }
  }
}
