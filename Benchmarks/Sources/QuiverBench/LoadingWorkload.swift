// Getting data in and out of an on-disk database (docs/data.md's table): `load-csv` runs LOAD CSV
// … CALL { … } IN TRANSACTIONS OF 10000 ROWS over the dataset's files, `import-neo4j` the
// neo4j-admin importer over the same data in that layout, `dump` and `restore` the Cypher dump.
import Foundation
import Quiver
import QuiverExchange

/// The loading workloads; each runs once in a process of its own (Benchmarks/loading.py).
struct LoadingWorkload {
  let workload: String
  let directory: String
  let database: String
  let dataset: String

  /// The statements of `load-csv`: the index first, then persons, then KNOWS found by id.
  static let script = [
    "CREATE INDEX person_id FOR (p:Person) ON (p.id)",
    """
    LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
    CALL (row) {
      CREATE (:Person {id: toInteger(row.id), name: row.name, age: toInteger(row.age), city: row.city})
    } IN TRANSACTIONS OF 10000 ROWS
    """,
    """
    LOAD CSV WITH HEADERS FROM 'file:///edges.csv' AS row
    CALL (row) {
      MATCH (a:Person {id: toInteger(row.src)}), (b:Person {id: toInteger(row.dst)})
      CREATE (a)-[:KNOWS {since: toInteger(row.since), weight: toFloat(row.weight)}]->(b)
    } IN TRANSACTIONS OF 10000 ROWS
    """,
  ]

  func measure() throws {
    var m = Measurement(workload: workload, dataset: dataset)
    switch workload {
    case "load-csv":
      try? FileManager.default.removeItem(atPath: database)
      var persons = 0.0
      m.seconds = try Measurement.time(1) {
        let db = try Database(path: database, options: DatabaseOptions(importDirectory: directory))
        let clock = ContinuousClock()
        let start = clock.now
        for (i, statement) in Self.script.enumerated() {
          _ = try db.execute(statement)
          if i == 1 { persons = Measurement.seconds(clock.now - start) }
        }
        m.extra["answer"] = ["nodes": db.counts.nodes, "relationships": db.counts.relationships]
        m.extra["rows_per_s"] = Double(db.counts.nodes + db.counts.relationships) / Measurement.seconds(clock.now - start)
      }
      m.extra["persons_s"] = persons
    case "import-neo4j":
      try? FileManager.default.removeItem(atPath: database)
      m.seconds = try Measurement.time(1) {
        let db = try Database(path: database)
        _ = try Neo4jAdminImport.run(
          nodes: [Neo4jInput(names: ["Person"], files: [directory + "/person-header.csv", directory + "/people.csv"])],
          relationships: [Neo4jInput(names: ["KNOWS"], files: [directory + "/knows-header.csv", directory + "/knows.csv"])],
          options: Neo4jImportOptions(), into: db)
        try db.checkpoint()
        m.extra["answer"] = ["nodes": db.counts.nodes, "relationships": db.counts.relationships]
      }
    case "dump":
      // `directory` is the dump file here.
      m.seconds = try Measurement.time(1) {
        let db = try Database(path: database, readOnly: true)
        let sink = try TextOutput(path: directory)
        try CypherDump().write(db, to: sink)
        try sink.close()
      }
      let size = (try? FileManager.default.attributesOfItem(atPath: directory)[.size] as? Int) ?? 0
      m.extra["bytes"] = size
    case "restore":
      try? FileManager.default.removeItem(atPath: database)
      m.seconds = try Measurement.time(1) {
        let db = try Database(path: database)
        _ = try DumpRestore.restore(script: try InputFile.text(directory), into: db)
        m.extra["answer"] = ["nodes": db.counts.nodes, "relationships": db.counts.relationships]
      }
    default:
      throw BenchError(description: "unknown loading workload \(workload)")
    }
    m.report()
  }
}
