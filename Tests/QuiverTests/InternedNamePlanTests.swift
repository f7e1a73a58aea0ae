// Plans carry the interned ids of the labels, types and property keys the store has committed,
// and are cached by query text: these tests check that a cached plan never reads another name's
// id (a name interned by a rolled-back transaction loses its id, which the next writer reuses)
// and still finds names created after it was planned.
import Quiver
import Testing

@Suite struct InternedNamePlanTests {
  @Test func aKeyFirstUsedInARolledBackTransactionDoesNotReadItsSuccessor() throws {
    let db = try Database()
    // Two nodes, then three: the plan cache keeps its plans while the count stays in one power
    // of two.
    _ = try db.execute("CREATE (:N {a: 1}), (:N {a: 2})")
    let tx = db.beginTransaction()
    _ = try tx.execute("CREATE (:N {x: 5})")
    // Planned (and cached) against the transaction's version, where `x` has an uncommitted id.
    let inside = try tx.execute("MATCH (n:N) RETURN n.x AS x ORDER BY x")
    #expect(inside.rows.map { $0[0].intValue } == [5, nil, nil])
    tx.rollback()
    // The next key interned takes the id `x` had.
    _ = try db.execute("CREATE (:N {y: 7})")
    let after = try db.execute("MATCH (n:N) RETURN n.x AS x ORDER BY x")
    #expect(after.rows.map { $0[0].intValue } == [nil, nil, nil])
    #expect(after.rows.allSatisfy { $0[0].isNull })
    let y = try db.execute("MATCH (n:N) RETURN n.y AS y ORDER BY y")
    #expect(y.rows.map { $0[0].intValue } == [7, nil, nil])
  }

  @Test func aTypeOrLabelFirstUsedInARolledBackTransactionDoesNotMatchItsSuccessor() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {i: 1}), (:N {i: 2})")
    let byType = "MATCH (a:N)-[r:GONE]->(b) RETURN count(r) AS c"
    let byLabel = "MATCH (a:N {i: 1}) WITH a MATCH (a)-[r]->(b:Gone) RETURN count(r) AS c"
    let tx = db.beginTransaction()
    _ = try tx.execute("MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:GONE]->(b) SET b:Gone")
    #expect(try tx.execute(byType).rows.map { $0[0].intValue } == [1])
    #expect(try tx.execute(byLabel).rows.map { $0[0].intValue } == [1])
    tx.rollback()
    // The next type and label interned take the ids GONE and Gone had.
    _ = try db.execute("MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:KEPT]->(b) SET b:Kept")
    #expect(try db.execute(byType).rows.map { $0[0].intValue } == [0])
    #expect(try db.execute(byLabel).rows.map { $0[0].intValue } == [0])
    #expect(try db.execute("MATCH (a:N)-[r:KEPT]->(b:Kept) RETURN count(r) AS c").rows.map { $0[0].intValue } == [1])
  }

  @Test func aNameCreatedAfterThePlanWasCachedIsFound() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A {k: 1})")
    let query = "MATCH (a:A)-[:LATER]->(b:B) RETURN a.k AS k, b.z AS z"
    #expect(try db.execute(query).rows.isEmpty)
    _ = try db.execute("MATCH (a:A) CREATE (a)-[:LATER]->(:B {z: 3})")
    #expect(try db.execute(query).rows.map { $0.map(\.intValue) } == [[1, 3]])
    let byKey = "MATCH (n) WHERE n.z = 3 RETURN count(*) AS c"
    #expect(try db.execute(byKey).rows.map { $0[0].intValue } == [1])
  }

  @Test func keysCreatedEarlierInTheSameStatementAreRead() throws {
    let db = try Database()
    let r = try db.execute("CREATE (n {fresh: 'yes'}) WITH n MATCH (m) WHERE m.fresh = 'yes' RETURN m.fresh AS f")
    #expect(r.rows.map { $0[0].stringValue } == ["yes"])
  }
  @Test func aLabelScanOfALabelFirstUsedInARolledBackTransactionDoesNotScanItsSuccessor() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {i: 1}), (:N {i: 2})")
    let scan = "MATCH (n:Gone) RETURN n.i AS i ORDER BY i"
    let grouped = "MATCH (n:Gone) RETURN n.i AS i, count(*) AS c ORDER BY i"
    let tx = db.beginTransaction()
    _ = try tx.execute("MATCH (n:N) SET n:Gone")
    #expect(try tx.execute(scan).rows.map { $0[0].intValue } == [1, 2])
    #expect(try tx.execute(grouped).rows.map { $0.map(\.intValue) } == [[1, 1], [2, 1]])
    tx.rollback()
    // The next label interned takes the id Gone had.
    _ = try db.execute("MATCH (n:N {i: 1}) SET n:Kept")
    #expect(try db.execute(scan).rows.isEmpty)
    #expect(try db.execute(grouped).rows.isEmpty)
    #expect(try db.execute("MATCH (n:Kept) RETURN n.i AS i").rows.map { $0[0].intValue } == [1])
    #expect(try db.execute("MATCH (n:Kept) RETURN n.i AS i, count(*) AS c").rows.map { $0.map(\.intValue) } == [[1, 1]])
  }

  @Test func aLabelScanFindsCommittedLabelsAndLabelsCreatedLater() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {k: 1}), (:P {k: 1}), (:P {k: 2}), (:Q)")
    #expect(try db.execute("MATCH (n:P) RETURN n.k AS k ORDER BY k").rows.map { $0[0].intValue } == [1, 1, 2])
    #expect(try db.execute("MATCH (n:P) RETURN n.k AS k, count(*) AS c ORDER BY k").rows.map { $0.map(\.intValue) } == [[1, 2], [2, 1]])
    let later = "MATCH (n:Later) RETURN n.w AS w, count(*) AS c"
    #expect(try db.execute(later).rows.isEmpty)
    #expect(try db.execute("MATCH (n:Later) RETURN n.w AS w").rows.isEmpty)
    _ = try db.execute("CREATE (:Later {w: 4}), (:Later {w: 4})")
    #expect(try db.execute(later).rows.map { $0.map(\.intValue) } == [[4, 2]])
    #expect(try db.execute("MATCH (n:Later) RETURN n.w AS w").rows.map { $0[0].intValue } == [4, 4])
  }

  @Test func aLabelCreatedEarlierInTheSameStatementIsScanned() throws {
    let db = try Database()
    let r = try db.execute("CREATE (:Fresh {v: 'a'}) WITH 1 AS one MATCH (m:Fresh) RETURN m.v AS v")
    #expect(r.rows.map { $0[0].stringValue } == ["a"])
  }
  @Test func variableLengthAndShortestPathTypesFirstUsedInARolledBackTransactionDoNotMatchTheirSuccessor() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {i: 1})-[:STAY]->(:N {i: 2})")
    let walk = "MATCH (a:N {i: 1})-[:GONE*1..2]->(b) RETURN b.i AS i"
    let path = "MATCH (a:N {i: 1}), (b:N {i: 2}) MATCH p = shortestPath((a)-[:GONE*]->(b)) RETURN length(p) AS l"
    let tx = db.beginTransaction()
    _ = try tx.execute("MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:GONE]->(b)")
    #expect(try tx.execute(walk).rows.map { $0[0].intValue } == [2])
    #expect(try tx.execute(path).rows.map { $0[0].intValue } == [1])
    tx.rollback()
    // The next type interned takes the id GONE had.
    _ = try db.execute("MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:KEPT]->(b)")
    #expect(try db.execute(walk).rows.isEmpty)
    #expect(try db.execute(path).rows.isEmpty)
    #expect(try db.execute("MATCH (a:N {i: 1})-[:KEPT|STAY*1..1]->(b) RETURN b.i AS i").rows.map { $0[0].intValue } == [2, 2])
    // A type created after the plan was cached is followed.
    _ = try db.execute("MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:GONE]->(b)")
    #expect(try db.execute(walk).rows.map { $0[0].intValue } == [2])
    #expect(try db.execute(path).rows.map { $0[0].intValue } == [1])
  }
  @Test func labelPredicatesOfALabelFirstUsedInARolledBackTransactionDoNotMatchItsSuccessor() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {i: 1}), (:N {i: 2})")
    let predicate = "MATCH (n) WHERE n:Gone RETURN n.i AS i ORDER BY i"
    let pattern = "MATCH (n:N:Gone) RETURN n.i AS i ORDER BY i"
    let tx = db.beginTransaction()
    _ = try tx.execute("MATCH (n:N) SET n:Gone")
    #expect(try tx.execute(predicate).rows.map { $0[0].intValue } == [1, 2])
    #expect(try tx.execute(pattern).rows.map { $0[0].intValue } == [1, 2])
    tx.rollback()
    // The next label interned takes the id Gone had.
    _ = try db.execute("MATCH (n:N {i: 1}) SET n:Kept")
    #expect(try db.execute(predicate).rows.isEmpty)
    #expect(try db.execute(pattern).rows.isEmpty)
    #expect(try db.execute("MATCH (n) WHERE n:Kept RETURN n.i AS i").rows.map { $0[0].intValue } == [1])
    // Created after the plans were cached, and by the statement itself.
    _ = try db.execute("MATCH (n:N {i: 2}) SET n:Gone")
    #expect(try db.execute(predicate).rows.map { $0[0].intValue } == [2])
    #expect(try db.execute(pattern).rows.map { $0[0].intValue } == [2])
    let own = try db.execute("MATCH (n:N {i: 1}) SET n:Own WITH n MATCH (m) WHERE m:Own RETURN m.i AS i")
    #expect(own.rows.map { $0[0].intValue } == [1])
  }
  @Test func cachedWritesUseCommittedIDsAndNamesFirstUsedInARolledBackTransaction() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {i: 1}), (:N {i: 2})")
    let write = "MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:GONE {w: 1}]->(:Gone {g: 1}) SET a:Gone, a.g = 2 REMOVE b.i"
    let tx = db.beginTransaction()
    // Planned (and cached) against the transaction's version, where every new name is uncommitted.
    _ = try tx.execute(write)
    tx.rollback()
    // The next names interned take the ids GONE, Gone, w and g had.
    _ = try db.execute("MATCH (a:N {i: 1}) CREATE (a)-[:KEPT {k: 1}]->(:Kept {kept: 1})")
    _ = try db.execute(write)
    let gone = try db.execute("MATCH (n:Gone) RETURN n.g AS g, n.i AS i ORDER BY g")
    #expect(gone.rows.map { $0.map(\.intValue) } == [[1, nil], [2, 1]])
    #expect(try db.execute("MATCH ()-[r:GONE]->() RETURN r.w AS w").rows.map { $0[0].intValue } == [1])
    #expect(try db.execute("MATCH (n:Kept) RETURN n.kept AS k, n.g AS g").rows.map { $0.map(\.intValue) } == [[1, nil]])
    #expect(try db.execute("MATCH ()-[r:KEPT]->() RETURN r.k AS k, r.w AS w").rows.map { $0.map(\.intValue) } == [[1, nil]])
    #expect(try db.execute("MATCH (n:N) RETURN n.i AS i ORDER BY i").rows.map { $0[0].intValue } == [1, nil])
    // Now every name is committed: the cached plan is planned again with their ids and writes the
    // same names once more.
    _ = try db.execute("MATCH (n:N) SET n.i = coalesce(n.i, 2)")
    _ = try db.execute(write)
    #expect(try db.execute("MATCH (n:Gone) RETURN count(*) AS c").rows.map { $0[0].intValue } == [3])
    #expect(try db.execute("MATCH ()-[r:GONE]->() RETURN sum(r.w) AS w").rows.map { $0[0].intValue } == [2])
    #expect(try db.execute("MATCH (n:Kept) RETURN count(*) AS c").rows.map { $0[0].intValue } == [1])
    let removed = try db.execute("MATCH (n:N) REMOVE n:Gone RETURN count(*) AS c")
    #expect(removed.statistics.labelsRemoved == 1)
    #expect(try db.execute("MATCH (n:Gone) RETURN count(*) AS c").rows.map { $0[0].intValue } == [2])
  }
}
