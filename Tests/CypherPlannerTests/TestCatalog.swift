// Test support: a procedure catalog (`test.echo(x) :: (y)`, `test.none() :: ()`) for binding
// and planning CALLs without the runtime's registry.
import CypherPlanner
import GraphCore

/// Two procedures: `test.echo(x :: INTEGER?) :: (y :: INTEGER?)` and `test.none() :: ()`.
struct TestCatalog: ProcedureCatalog {
  func procedure(named name: String) -> Procedure? {
    switch name.lowercased() {
    case "test.echo":
      return Procedure(
        name: "test.echo", parameters: [ProcedureField("x", CypherType("INTEGER?"))],
        outputs: [ProcedureField("y", CypherType("INTEGER?"))]
      ) { args in [args] }
    case "test.none":
      return Procedure(name: "test.none", parameters: [], outputs: []) { _ in [] }
    default:
      return nil
    }
  }
}
