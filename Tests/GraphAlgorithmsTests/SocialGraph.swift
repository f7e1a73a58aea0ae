// The small social graph the procedure, catalog and mode tests share (six :Person nodes with
// weighted KNOWS relationships, a :City and a LIVES_IN relationship that label and type filters
// leave out), and the error a statement throws.
import Quiver

enum SocialGraph {
  /// Creates the graph in `db`.
  static func create(in db: Database) throws {
    _ = try db.execute(
      """
      CREATE (alice:Person {name: 'alice'}), (bob:Person {name: 'bob'}), (carol:Person {name: 'carol'}),
             (dave:Person {name: 'dave'}), (eve:Person {name: 'eve'}), (frank:Person {name: 'frank'}),
             (paris:City {name: 'paris', latitude: 48.85, longitude: 2.35}),
             (alice)-[:KNOWS {w: 1}]->(bob), (bob)-[:KNOWS {w: 2}]->(carol), (carol)-[:KNOWS {w: 1}]->(alice),
             (dave)-[:KNOWS {w: 3}]->(alice), (eve)-[:KNOWS {w: 1}]->(alice), (eve)-[:KNOWS {w: 1}]->(dave),
             (carol)-[:KNOWS {w: 4}]->(dave), (frank)-[:KNOWS {w: 2}]->(eve), (paris)-[:LIVES_IN]->(alice)
      """)
  }

  /// A fresh in-memory database holding the graph.
  static func make() throws -> Database {
    let db = try Database()
    try create(in: db)
    return db
  }
}

/// The error running `query` on `db` throws (nil when it succeeds).
func thrownError(_ db: Database, _ query: String) -> QuiverError? {
  do {
    _ = try db.execute(query)
    return nil
  } catch {
    return error as? QuiverError
  }
}
