// Results compared as Cypher literal text: `Value` is not Equatable (Cypher equality has
// nulls and NaN), so tests compare the text `RETURN` shows, which tells every value apart.
import Quiver

/// The Cypher literal text of `value`, e.g. `[1, 'a', null]`.
func lit(_ value: Value) -> String { value.cypherText }

/// The rows of a result as Cypher literal text.
func lit(_ rows: [[Value]]) -> [[String]] { rows.map { $0.map(\.cypherText) } }

/// One column of a result as Cypher literal text.
func lit(_ values: [Value]) -> [String] { values.map(\.cypherText) }
