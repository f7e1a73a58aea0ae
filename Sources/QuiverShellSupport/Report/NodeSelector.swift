// How `quiver report paths` names its end nodes: a node id (`42`), or a property value with an
// optional label (`Person.name=Alice`, `name='Ann Lee'`, `Station.code=17`), resolved to the one
// node of the report's graph it matches. The value is an integer, a float, true or false, or a
// string (quoted with ' or ", or bare).
import Foundation
import Quiver

/// A node named on the command line.
package enum NodeSelector: Equatable, Sendable {
  case id(Int64)
  case property(label: String?, key: String, value: Value)

  /// The selector `text` writes; `option` names the option in the message when it is malformed.
  package static func parse(_ text: String, option: String) throws(ReportError) -> NodeSelector {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let id = Int64(trimmed), id >= 0 { return .id(id) }
    guard let equals = trimmed.firstIndex(of: "="), equals != trimmed.startIndex else {
      throw ReportError("\(option) takes a node id or label.property=value (e.g. Person.name=Alice), not '\(text)'")
    }
    let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
    let raw = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let (label, key) = parts.count == 2 ? (Optional(parts[0]), parts[1]) : (nil, parts[0])
    guard !key.isEmpty, label?.isEmpty != true else {
      throw ReportError("\(option) takes a node id or label.property=value (e.g. Person.name=Alice), not '\(text)'")
    }
    return .property(label: label, key: key, value: value(raw))
  }

  /// The value a selector's right-hand side writes.
  static func value(_ raw: String) -> Value {
    if raw.count >= 2, let first = raw.first, first == "'" || first == "\"", raw.last == first {
      return .string(String(raw.dropFirst().dropLast()))
    }
    if let int = Int64(raw) { return .int(int) }
    if let double = Double(raw), double.isFinite { return .float(double) }
    if raw == "true" || raw == "false" { return .bool(raw == "true") }
    return .string(raw)
  }

  /// Same kind and same parts; values are the same when of the same type and written the same.
  package static func == (a: NodeSelector, b: NodeSelector) -> Bool {
    switch (a, b) {
    case (.id(let x), .id(let y)): return x == y
    case (.property(let label, let key, let value), .property(let otherLabel, let otherKey, let otherValue)):
      return label == otherLabel && key == otherKey && value.typeName == otherValue.typeName
        && value.cypherText == otherValue.cypherText
    default: return false
    }
  }

  /// How the selector reads in messages: `node 42`, `Person.name = 'Alice'`.
  package var description: String {
    switch self {
    case .id(let id): return "node \(id)"
    case .property(let label, let key, let value):
      return (label.map { $0 + "." } ?? "") + key + " = " + value.cypherText
    }
  }

  /// The dense index in `graph` of the one node the selector names.
  /// - Throws: `ReportError` when no node of the graph matches, or several do.
  package func resolve(in graph: ReportGraph, database: Database) throws -> Int {
    switch self {
    case .id(let id):
      guard let index = graph.index(of: id) else { throw ReportError("\(description) is not in the graph") }
      return index
    case .property(let label, let key, let value):
      let pattern = label.map { "(n:\(Self.quoted($0)))" } ?? "(n)"
      let result = try database.execute(
        "MATCH \(pattern) WHERE n.\(Self.quoted(key)) = $value RETURN id(n) ORDER BY id(n)", parameters: ["value": value])
      let matches = result.rows.compactMap { $0.first?.intValue }.filter { graph.index(of: $0) != nil }
      guard let first = matches.first, let index = graph.index(of: first) else {
        throw ReportError("no node of the graph has \(description)")
      }
      guard matches.count == 1 else {
        let shown = matches.prefix(5).map(String.init).joined(separator: ", ")
        throw ReportError(
          "\(matches.count) nodes have \(description) (ids \(shown)\(matches.count > 5 ? ", …" : "")); name one by id")
      }
      return index
    }
  }

  /// A name in backquotes, as Cypher escapes any label or key.
  private static func quoted(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "``") + "`" }
}
