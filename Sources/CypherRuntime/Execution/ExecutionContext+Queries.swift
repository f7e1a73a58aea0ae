// Read-only Cypher queries run from inside a statement, on the statement's version of the store:
// what the Cypher form of the graph catalog's projection (`algo.graph.project.cypher`) reads its
// nodes and relationships with. The front end compiles them (`compileQuery`).
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// Runs the read-only `query` on this statement's version of the store with its parameters and
  /// returns its columns and rows. Throws for a query that writes or changes the schema, naming
  /// `procedure`.
  func readRows(_ query: String, for procedure: String) throws -> (columns: [String], rows: [[Value]]) {
    guard let compileQuery else {
      throw QuiverError.runtime(.procedure, .procedureCallFailed, "\(procedure) cannot run Cypher queries here")
    }
    guard let compiled = try compileQuery(query, store, procedures), !compiled.isUpdating else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "\(procedure): the queries must only read, got `\(query)`")
    }
    let inner = ExecutionContext(store: store, parameters: parameters, procedures: procedures, control: cancellation, columns: columns)
    inner.compileQuery = compileQuery
    let source = try inner.start(compiled)
    var rows: [[Value]] = []
    while let row = try source.next() { rows.append(row) }
    return (source.columns, rows)
  }
}
