// Labels, relationship types and property keys computed per row (`SET n:$(expr)`,
// `n[$key] = …`, `CREATE (n:$($label))`): what the expression must evaluate to, and the errors
// for anything else, as the Neo4j manual's "Dynamic labels and types" gives them.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// The labels `expressions` give for `row`: each a string, or a list of strings.
  /// - Throws: `InvalidArgumentType` for null or any other value, in the list or alone.
  func dynamicLabels(_ expressions: [PlanExpression], _ row: Row) throws -> [String] {
    var names: [String] = []
    for e in expressions {
      switch try eval(e, row) {
      case .string(let name): names.append(name)
      case .list(let items):
        for item in items {
          guard case .string(let name) = item else { throw dynamicNameError("label", item, expected: "a STRING") }
          names.append(name)
        }
      case let other: throw dynamicNameError("label", other, expected: "a STRING or a LIST<STRING>")
      }
    }
    return names
  }

  /// The property key a computed key gives.
  /// - Throws: `InvalidArgumentType` unless it is a string.
  func dynamicKey(_ key: Value) throws -> String {
    guard case .string(let name) = key else { throw dynamicNameError("property key", key, expected: "a STRING") }
    return name
  }

  private func dynamicNameError(_ what: String, _ value: Value, expected: String) -> QuiverError {
    QuiverError.typeError("a dynamic \(what) must be \(expected), not \(value.isNull ? "null" : "a " + value.typeName)")
  }
}
