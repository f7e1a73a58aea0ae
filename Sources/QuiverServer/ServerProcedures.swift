// Procedures that drivers and tools call on connect and that a Bolt server answers for the
// database it serves: dbms.components() (the product and version tools check), db.ping(), and
// db.schema.visualization() (one virtual node per label). db.labels() and friends are built in.
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
          let labels = database?.schema.labels.map(\.0) ?? []
          let nodes: [Value] = labels.enumerated().map { index, label in
            .node(Node(id: -Int64(index) - 1, labels: [label], properties: ["name": .string(label)]))
          }
          return [[.list(nodes), .list([])]]
        }))
  }
}
