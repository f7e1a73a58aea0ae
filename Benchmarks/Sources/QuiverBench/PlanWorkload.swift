// Parse and plan time, without running anything: representative statements go through the
// parser and the planner (the package API `Database.execute` calls before its plan cache), planned
// against a store of the dataset so that the planner sees real counts and the Person.id index.
import CypherPlanner
import CypherRuntime
import CypherSyntax
import Foundation
import GraphStorage
import Quiver

/// The `plan` workload: one JSON line per statement, and one for all of them.
struct PlanWorkload {
  let directory: String?
  let dataset: String
  /// How many times each statement is parsed and planned; the median counts.
  let iterations: Int

  static let statements: [(String, String)] = [
    ("lookup", "MATCH (p:Person {id: $id}) RETURN p.name, p.age, p.city"),
    ("two-hop", "MATCH (a:Person {id: $id})-[:KNOWS]->(:Person)-[:KNOWS]->(c:Person) WHERE c.id <> $id RETURN count(DISTINCT c)"),
    ("group-by", "MATCH (p:Person) RETURN p.city AS city, count(*) AS c ORDER BY c DESC, city"),
    ("shortest-path", "MATCH p = shortestPath((a:Person {id: $src})-[:KNOWS*..30]->(b:Person {id: $dst})) RETURN length(p)"),
    ("triangle", "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a) RETURN count(*)"),
    (
      "optional-collect",
      """
      MATCH (p:Person) WHERE p.age > $age OPTIONAL MATCH (p)-[k:KNOWS]->(f:Person) WHERE k.since >= 2010
      WITH p, collect(f.name) AS friends, avg(k.weight) AS w WHERE size(friends) > 2
      RETURN p.name, friends[0..3] AS some, w ORDER BY w DESC SKIP 5 LIMIT 10
      """
    ),
    (
      "merge",
      "MERGE (p:Person {id: $id}) ON CREATE SET p.name = $name, p.age = $age ON MATCH SET p.seen = coalesce(p.seen, 0) + 1 RETURN p.id"
    ),
    (
      "load-batch",
      "UNWIND $rows AS r MATCH (a:Person {id: r[0]}), (b:Person {id: r[1]}) CREATE (a)-[:KNOWS {since: r[2], weight: r[3]}]->(b)"
    ),
    (
      "expressions",
      """
      MATCH (a:Person)-[:KNOWS]->(b:Person)
      WHERE a.city IN ['Tokyo', 'Delhi', 'Paris'] AND b.name STARTS WITH 'A' AND EXISTS { MATCH (b)-[:KNOWS]->(a) }
      RETURN a.id, CASE WHEN a.age < 30 THEN 'young' WHEN a.age < 60 THEN 'middle' ELSE 'old' END AS band,
             [x IN range(1, 5) WHERE x % 2 = 1 | x * a.age] AS odd, toUpper(b.name) AS name
      """
    ),
    (
      "union-procedure",
      """
      CALL algo.pageRank({relationshipType: 'KNOWS'}) YIELD node, score RETURN node.id AS id, score ORDER BY score DESC LIMIT 3
      UNION ALL
      MATCH (p:Person) WHERE p.age = 30 RETURN p.id AS id, 0.0 AS score LIMIT 3
      """
    ),
  ]

  func measure() throws {
    let store = try directory.map(Self.store) ?? GraphStore()
    let catalog = ProcedureRegistry()
    var parseTotal = 0.0, planTotal = 0.0
    for (name, text) in Self.statements {
      var statement = try Parser.parse(text)
      _ = try Planner.compile(statement, catalog: catalog, schema: store)
      var parse = Measurement(workload: "P-parse-\(name)", dataset: dataset)
      parse.seconds = try Measurement.time(iterations) { statement = try Parser.parse(text) }
      var plan = Measurement(workload: "P-plan-\(name)", dataset: dataset)
      plan.seconds = try Measurement.time(iterations) { _ = try Planner.compile(statement, catalog: catalog, schema: store) }
      var both = Measurement(workload: "P-\(name)", dataset: dataset)
      both.seconds = [parse.median + plan.median]
      both.extra["parse_s"] = parse.median
      both.extra["plan_s"] = plan.median
      both.extra["iterations"] = iterations
      both.report()
      parseTotal += parse.median
      planTotal += plan.median
    }
    var all = Measurement(workload: "P-all", dataset: dataset)
    all.seconds = [parseTotal + planTotal]
    all.extra["parse_s"] = parseTotal
    all.extra["plan_s"] = planTotal
    all.extra["statements"] = Self.statements.count
    all.report()
  }

  /// The dataset in `directory` as a store (persons in file order, so node id i is person i) with
  /// the index on Person.id, built directly rather than through Cypher.
  private static func store(_ directory: String) throws -> GraphStore {
    var store = GraphStore()
    try CSVFile(directory + "/nodes.csv").forEachRow { f, line in
      guard f.count == 4, let id = f.int(0), let age = f.int(2) else { throw BenchError(description: "bad line \(line) in nodes.csv") }
      store.createNode(labels: ["Person"], properties: ["id": .int(id), "name": .string(f.string(1)), "age": .int(age), "city": .string(f.string(3))])
    }
    try store.createIndex(IndexDefinition(name: "person_id", entity: .node, label: "Person", properties: ["id"]))
    try CSVFile(directory + "/edges.csv").forEachRow { f, line in
      guard f.count == 4, let s = f.int(0), let d = f.int(1), let y = f.int(2), let w = f.double(3) else {
        throw BenchError(description: "bad line \(line) in edges.csv")
      }
      store.createRelationship(type: "KNOWS", from: s, to: d, properties: ["since": .int(y), "weight": .float(w)])
    }
    return store
  }
}
