// Relationship write-back: `algo.knn.write` and the node-similarity procedures' write mode create
// one relationship per streamed pair, of `writeRelationshipType` with the similarity as
// `writeProperty`, in the statement's transaction (rolled back with it, refused read-only, durable
// on disk); `db.writeRelationships` does the same for `db.algorithms` results.
import Foundation
import Quiver
import Testing

@Suite struct RelationshipWriteTests {
  /// Four items with a vector each: a ≈ b, c ≈ d.
  private func items(_ db: Database) throws {
    _ = try db.execute(
      """
      CREATE (:I {n: 'a', v: [1.0, 0.0]}), (:I {n: 'b', v: [0.9, 0.1]}), (:I {n: 'c', v: [0.0, 1.0]}), (:I {n: 'd', v: [0.2, 0.8]})
      """)
  }

  private func written(_ db: Database, _ type: String) throws -> [[Value]] {
    try db.execute("MATCH (x)-[r:\(type)]->(y) RETURN x.n, y.n, r.score ORDER BY x.n, y.n").rows
  }

  @Test func knnWritesWhatItStreams() throws {
    let db = try Database()
    try items(db)
    let streamed = try db.execute(
      "CALL algo.knn({nodeProperties: 'v', topK: 1}) YIELD node1, node2, similarity RETURN node1.n, node2.n, similarity ORDER BY node1.n, node2.n"
    ).rows
    #expect(streamed.map { [$0[0].stringValue, $0[1].stringValue] } == [["a", "b"], ["b", "a"], ["c", "d"], ["d", "c"]])
    let r = try db.execute(
      """
      CALL algo.knn.write({nodeProperties: 'v', topK: 1, writeRelationshipType: 'SIMILAR', writeProperty: 'score'})
      YIELD relationshipsWritten, writeMillis, computeMillis RETURN relationshipsWritten, writeMillis >= 0, computeMillis >= 0
      """)
    #expect(r.rows.first?.map(\.description) == ["4", "true", "true"])
    #expect(try written(db, "SIMILAR").map { $0.map(\.description) } == streamed.map { $0.map(\.description) })
  }

  @Test func nodeSimilarityWrites() throws {
    let db = try Database()
    _ = try db.execute(
      "CREATE (a:P {n: 'a'}), (b:P {n: 'b'}), (x {n: 'x'}), (y {n: 'y'}), (a)-[:L]->(x), (a)-[:L]->(y), (b)-[:L]->(x)")
    let r = try db.execute(
      "CALL algo.similarity.jaccard.write({writeRelationshipType: 'LIKE', writeProperty: 'score'}) YIELD relationshipsWritten RETURN *")
    #expect(r.rows.first?[0].intValue == 2)
    let back = try written(db, "LIKE")
    #expect(back.map { [$0[0].stringValue, $0[1].stringValue] } == [["a", "b"], ["b", "a"]])
    #expect(back.map { $0[2].doubleValue } == [0.5, 0.5])
  }

  @Test func oneTransaction() throws {
    let db = try Database()
    try items(db)
    let call = "CALL algo.knn.write({nodeProperties: 'v', topK: 2, writeRelationshipType: 'S', writeProperty: 'score'}) YIELD relationshipsWritten RETURN *"
    struct Abort: Error {}
    #expect(throws: Abort.self) {
      try db.transaction { tx in
        #expect(try tx.execute(call).rows.first?[0].intValue == 8)
        #expect(try tx.execute("MATCH ()-[r:S]->() RETURN count(r)").rows.first?[0].intValue == 8)
        throw Abort()
      }
    }
    #expect(try db.execute("MATCH ()-[r:S]->() RETURN count(r)").rows.first?[0].intValue == 0)
    #expect(throws: QuiverError.self) {
      try db.transaction(readOnly: true) { tx in _ = try tx.execute(call) }
    }
    let path = NSTemporaryDirectory() + "quiver-knn-write-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let disk = try Database(path: path)
      try items(disk)
      _ = try disk.execute(call)
    }
    #expect(try Database(path: path).execute("MATCH ()-[r:S]->() RETURN count(r)").rows.first?[0].intValue == 8)
  }

  @Test func theAPIWritesPairs() throws {
    let db = try Database()
    try items(db)
    let pairs = try db.algorithms.knn(nodeProperties: ["v"], topK: 1)
    #expect(try db.writeRelationships("NEAR", property: "score", pairs) == 4)
    let back = try written(db, "NEAR")
    #expect(back.map { [$0[0].stringValue, $0[1].stringValue] } == [["a", "b"], ["b", "a"], ["c", "d"], ["d", "c"]])
    #expect(Set(back.compactMap { $0[2].doubleValue }) == Set(pairs.map(\.similarity)))
  }

  @Test func errors() throws {
    let db = try Database()
    try items(db)
    let noType = thrownError(db, "CALL algo.knn.write({nodeProperties: 'v', writeProperty: 's'}) YIELD relationshipsWritten RETURN *")
    #expect(noType?.message == "algo.knn.write: configuration key 'writeRelationshipType' is required (a non-empty string)")
    let noProperty = thrownError(db, "CALL algo.knn.write({nodeProperties: 'v', writeRelationshipType: 'S'}) YIELD relationshipsWritten RETURN *")
    #expect(noProperty?.message == "algo.knn.write: configuration key 'writeProperty' is required (a non-empty string)")
    // Pairs have no stats or mutate mode.
    let stats = thrownError(db, "CALL algo.knn.stats({nodeProperties: 'v'}) YIELD nodeCount RETURN *")
    #expect(stats?.code == .procedureNotFound)
  }
}
