// Options that each pass their own range but together would ask for more memory or time than a
// machine has (node2vec's and random walks' walk sizes, kNN's topK): refused with an error that
// names the keys, before anything is allocated; a topK beyond the graph is clamped.
import Quiver
import Testing

@Suite struct AlgorithmSizeLimitTests {
  private func message(_ db: Database, _ query: String) -> String? {
    do {
      _ = try db.execute(query)
      return nil
    } catch let error as QuiverError {
      #expect(error.code == .invalidArgumentValue, "\(query)")
      return error.message
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: [
    ("CALL algo.node2vec({windowSize: 9223372036854775807})", "'windowSize' must be between 1 and 1000"),
    ("CALL algo.node2vec({iterations: 9223372036854775807})", "'iterations' must be between 1 and 1000"),
    ("CALL algo.node2vec({walksPerNode: 4611686018427387904})", "'walksPerNode' must be between 1 and 10000"),
    ("CALL algo.node2vec({walkLength: 4611686018427387904})", "'walkLength' must be between 2 and 100000"),
    ("CALL algo.node2vec({negativeSamplingRate: 1000000000})", "'negativeSamplingRate' must be between 0 and 1000"),
    ("CALL algo.randomWalk({walkLength: 4611686018427387904})", "'walkLength' must be between 1 and 100000"),
    ("CALL algo.randomWalk({walksPerNode: 100000})", "'walksPerNode' must be between 1 and 10000"),
  ])
  func outOfRangeOptionsAreRefused(_ query: String, _ expected: String) throws {
    let db = try SocialGraph.make()
    let text = message(db, query)
    #expect(text?.contains(expected) == true, "\(query): \(text ?? "no error")")
  }

  @Test func walksTooLargeInAllAreRefused() throws {
    let db = try SocialGraph.make()
    // 6 nodes × 10,000 walks × 100,000 steps: each option in range, the product not.
    let text = message(db, "CALL algo.node2vec({walksPerNode: 10000, walkLength: 100000})")
    #expect(text?.contains("configuration key 'walksPerNode', 'walkLength' ask for more than 2147483648 walk steps") == true, "\(text ?? "")")
    let walks = message(db, "CALL algo.randomWalk({walksPerNode: 10000, walkLength: 100000})")
    #expect(walks?.contains("ask for more than 268435456 walk steps") == true, "\(walks ?? "")")
  }

  @Test func aTopKBeyondTheGraphIsClamped() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 4) AS i CREATE (:P {v: toFloat(i)})")
    let r = try db.execute(
      "CALL algo.knn({label: 'P', nodeProperties: ['v'], topK: 1000000, similarityCutoff: 0}) YIELD node1, node2 RETURN count(*) AS c")
    // Each of the 4 nodes keeps its 3 others.
    #expect(r.rows.map { $0[0].intValue } == [12])
  }
}
