// `--param NAME=VALUE` on the command line: where the name ends, and whether the value is a
// Cypher literal to evaluate or plain text to bind as a string.

/// A `--param NAME=VALUE` command-line argument.
package struct ParameterArgument: Equatable, Sendable {
  package var name: String
  /// The text after `=`.
  package var value: String

  /// Splits at the first `=`; nil when there is none or the name is empty.
  package init?(_ argument: String) {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let name = MetaCommand.parameterName(String(argument[..<equals]))
    guard !name.isEmpty else { return nil }
    self.name = name
    self.value = String(argument[argument.index(after: equals)...])
  }
}

extension ParameterArgument {
  /// Whether `value` is meant as a Cypher literal: a number, `true`, `false`, `null`, or text
  /// starting with a quote, `[` or `{`. Anything else (`Alice`, `2024-01-01`) is a plain string.
  package var isLiteral: Bool {
    let text = value.trimmingWhitespace()
    if Int64(text) != nil || Double(text) != nil { return true }
    if ["true", "false", "null"].contains(text.lowercased()) { return true }
    return text.first.map { "'\"[{".contains($0) } ?? false
  }
}
