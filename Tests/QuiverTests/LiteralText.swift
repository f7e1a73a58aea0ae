// Results compared as Cypher literal text: `Value` is not Equatable (Cypher equality has
// nulls and NaN), so tests compare the text `RETURN` shows, which tells every value apart.
// Also the value of one expression, for the tests of functions and operators.
import Quiver

/// The Cypher literal text of `value`, e.g. `[1, 'a', null]`.
func lit(_ value: Value) -> String { value.cypherText }

/// The rows of a result as Cypher literal text.
func lit(_ rows: [[Value]]) -> [[String]] { rows.map { $0.map(\.cypherText) } }

/// One column of a result as Cypher literal text.
func lit(_ values: [Value]) -> [String] { values.map(\.cypherText) }

/// The single value `RETURN <expression>` produces, on an empty database.
func value(_ expression: String) throws -> Value {
  let db = try Database()
  return try db.execute("RETURN " + expression + " AS v").rows[0][0]
}
