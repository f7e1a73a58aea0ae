// Result-cell text for the shell: a top-level string shows as is (`Alice`), every other value in
// Cypher notation from GraphCore's `CypherText` (which also escapes single strings and names).
import Quiver

/// How the shell writes values.
package enum CypherNotation {
  /// The text of `value` in a result cell.
  package static func cell(_ value: Value) -> String {
    if case .string(let text) = value { return text }
    return value.cypherText
  }
}
