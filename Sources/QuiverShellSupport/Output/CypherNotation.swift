// Result-cell text for the shell: a top-level string shows as is (`Alice`), every other value in
// Cypher notation from GraphCore's `CypherText`.
import Quiver

/// How the shell writes values.
package enum CypherNotation {
  /// The text of `value` in a result cell.
  package static func cell(_ value: Value) -> String {
    if case .string(let text) = value { return text }
    return value.cypherText
  }

  /// `value` in Cypher notation, strings single-quoted (`'Alice'`).
  package static func literal(_ value: Value) -> String { value.cypherText }

  /// A float that always reads as one: `1.0`, `2.5e-07`, `NaN`, `Infinity`.
  package static func float(_ number: Double) -> String { CypherText.float(number) }

  /// `text` as a single-quoted Cypher string literal with backslash escapes.
  package static func quoted(_ text: String) -> String { CypherText.quoted(text) }

  /// A label, type or key, backquoted unless it is a plain identifier.
  package static func name(_ name: String) -> String { CypherText.name(name) }
}
