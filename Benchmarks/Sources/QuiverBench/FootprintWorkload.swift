// F1-footprint: the memory the loaded store holds per node and per relationship. Resident
// memory is read after loading the persons alone (in a database then dropped) and after loading
// the whole graph, each time after returning freed heap pages to the system, so that the
// difference is what the store keeps, not what the importer used on the way; a structural
// estimate per component of the store, and the memory the columns built by the first Q4 and Q5
// add, are reported beside it.
import Foundation
import GraphStorage
import Quiver

#if canImport(Glibc)
  import Glibc
#endif

/// `footprint --data DIR [--dataset NAME]`: bytes per node and per relationship of the loaded store.
struct FootprintWorkload {
  let directory: String
  let dataset: String

  /// Resident memory now, after handing freed heap pages back to the system (glibc's
  /// `malloc_trim`, looked up at run time: the Glibc module does not export it).
  private static func resident() -> Int {
    #if canImport(Glibc)
      if let symbol = dlsym(nil, "malloc_trim") {
        typealias Trim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
      }
    #endif
    return Measurement.memory("VmRSS")
  }

  func measure() throws {
    let data = SocialDataset(directory: directory)
    let start = Self.resident()
    var persons = 0
    var afterNodesOnly = start
    do {
      let db = try Database()
      _ = try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
      try data.importNodes(into: db)
      persons = db.counts.nodes
      withExtendedLifetime(db) { afterNodesOnly = Self.resident() }
    }
    let base = Self.resident()
    let db = try Database()
    var m = Measurement(workload: "F1-footprint", dataset: dataset)
    m.seconds = try Measurement.time(1) { try data.load(into: db) }
    let loaded = Self.resident()
    let peak = Measurement.memory("VmHWM")
    let (nodes, relationships) = (db.counts.nodes, db.counts.relationships)
    guard nodes == persons, nodes > 0, relationships > 0 else {
      throw BenchError(description: "footprint: \(nodes) nodes and \(relationships) relationships loaded (persons alone: \(persons))")
    }
    let nodeBytes = Double(afterNodesOnly - start) / Double(nodes)
    let relationshipBytes = Double(loaded - base - (afterNodesOnly - start)) / Double(relationships)
    let components = db.graphSnapshot.footprint()
    // The columns Q4 (a node property) and Q5 (KNOWS adjacency and a node property) build on
    // first use, kept by the database's column cache.
    _ = try db.execute("MATCH (p:Person) RETURN p.city AS city, count(*) AS c ORDER BY c DESC, city")
    _ = try db.execute("MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.age < b.age RETURN count(*)")
    let withColumns = withExtendedLifetime(db) { Self.resident() }
    m.extra["answer"] = ["nodes": nodes, "relationships": relationships]
    m.extra["rss_bytes"] = loaded - base
    m.extra["peak_rss_after_load_bytes"] = peak
    m.extra["bytes_per_node"] = nodeBytes
    m.extra["bytes_per_relationship"] = relationshipBytes
    m.extra["first_use_columns_bytes"] = withColumns - loaded
    m.extra["components"] = Dictionary(uniqueKeysWithValues: components.map { ($0.name, $0.bytes) })
    m.extra["estimated_bytes"] = components.reduce(0) { $0 + $1.bytes }
    m.report()
  }
}
