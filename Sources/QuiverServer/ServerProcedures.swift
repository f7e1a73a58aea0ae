// Procedures that drivers and tools call on connect and that a Bolt server answers for the
// database it serves: dbms.components() (the product and version tools check), db.ping(), and
// db.schema.visualization() (one virtual node per label, one virtual relationship per (start
// label, type, end label) seen in the data, as Neo4j's). db.labels() and friends are built in.
import Quiver

/// Registers the server's procedures on a database.
enum ServerProcedures {
  /// The Neo4j version Quiver's Bolt surface corresponds to, reported where tools ask for one.
  static let neo4jVersion = "5.26.0"

  static func register(on database: Database) {
    database.register(
      Procedure(
        name: "dbms.components", parameters: [],
        outputs: [
          ProcedureField("name", CypherType("STRING?")), ProcedureField("versions", CypherType("LIST OF STRING?")),
          ProcedureField("edition", CypherType("STRING?")),
        ],
        body: { _ in [[.string("Neo4j Kernel"), .list([.string(neo4jVersion)]), .string("community")]] }))
    database.register(
      Procedure(
        name: "db.ping", parameters: [], outputs: [ProcedureField("success", CypherType("BOOLEAN?"))],
        body: { _ in [[.bool(true)]] }))
    database.register(
      Procedure(
        name: "db.schema.visualization", parameters: [],
        outputs: [
          ProcedureField("nodes", CypherType("LIST OF NODE?")), ProcedureField("relationships", CypherType("LIST OF RELATIONSHIP?")),
        ],
        body: { [weak database] _ in
          guard let database else { return [[.list([]), .list([])]] }
          let (nodes, relationships) = try schemaGraph(of: database)
          return [[.list(nodes.map(Value.node)), .list(relationships.map(Value.relationship))]]
        }))
  }

  /// The virtual nodes (one per label, negative ids, `name` = the label) and relationships (one
  /// per distinct (start label, type, end label) of the data, between those nodes) that
  /// db.schema.visualization() returns. Nodes without labels take part in no relationship, as in
  /// Neo4j.
  /// - Complexity: O(relationships), one scan of the graph.
  static func schemaGraph(of database: Database) throws -> ([Node], [Relationship]) {
    let labels = database.schema.labels.map(\.0)
    var ids: [String: Int64] = [:]
    let nodes: [Node] = labels.enumerated().map { index, label in
      ids[label] = -Int64(index) - 1
      return Node(id: -Int64(index) - 1, labels: [label], properties: ["name": .string(label)])
    }
    let patterns = try database.execute(
      "MATCH (a)-[r]->(b) WITH DISTINCT labels(a) AS from, type(r) AS type, labels(b) AS to "
        + "UNWIND from AS f UNWIND to AS t RETURN DISTINCT f, type, t ORDER BY f, type, t")
    var relationships: [Relationship] = []
    for row in patterns.rows {
      guard row.count == 3, case .string(let from) = row[0], case .string(let type) = row[1], case .string(let to) = row[2],
        let start = ids[from], let end = ids[to]
      else { continue }
      relationships.append(Relationship(id: -Int64(relationships.count) - 1, type: type, startID: start, endID: end))
    }
    return (nodes, relationships)
  }
}
