// The Cypher-literal text of values — `'text'`, `1.0`, `[1, 2]`, `{k: 'v'}`,
// `(:Label {k: 1})`, `[:TYPE {k: 1}]`, `<(:A)-[:T]->(:B)>` — used by the shell, the examples
// and error messages. Map keys and properties print in sorted order so output is stable.

extension Value: CustomStringConvertible {
  public var description: String { cypherText }

  /// The value as a Cypher literal.
  public var cypherText: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .float(let d): return Value.floatText(d)
    case .string(let s): return Value.quoted(s)
    case .list(let items): return "[" + items.map(\.cypherText).joined(separator: ", ") + "]"
    case .map(let m): return Value.mapText(m)
    case .node(let n): return n.description
    case .relationship(let r): return r.description
    case .path(let p): return p.description
    case .temporal(let t): return t.description
    }
  }

  static func floatText(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    let text = "\(d)"
    return text.contains(".") || text.contains("e") ? text : text + ".0"
  }

  static func quoted(_ s: String) -> String {
    var out = "'"
    for c in s {
      switch c {
      case "'": out += "\\'"
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out.append(c)
      }
    }
    return out + "'"
  }

  static func mapText(_ m: [String: Value]) -> String {
    "{" + m.keys.sorted().map { "\(keyText($0)): \(m[$0]?.cypherText ?? "null")" }.joined(separator: ", ") + "}"
  }

  static func keyText(_ k: String) -> String {
    let simple = !k.isEmpty && k.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
      && !("0"..."9").contains(k.unicodeScalars.first ?? "0")
    return simple ? k : "`" + k.replacingBackquotes() + "`"
  }
}

extension String {
  fileprivate func replacingBackquotes() -> String {
    var out = ""
    for c in self { out += c == "`" ? "``" : String(c) }
    return out
  }
}

extension Node: CustomStringConvertible {
  public var description: String {
    let labels = self.labels.map { ":" + Value.keyText($0) }.joined()
    let props = properties.isEmpty ? "" : (labels.isEmpty ? "" : " ") + Value.mapText(properties)
    return "(" + labels + props + ")"
  }
}

extension Relationship: CustomStringConvertible {
  public var description: String {
    let props = properties.isEmpty ? "" : " " + Value.mapText(properties)
    return "[:" + Value.keyText(type) + props + "]"
  }
}

extension Path: CustomStringConvertible {
  public var description: String {
    guard let first = nodes.first else { return "<>" }
    var text = "<" + first.description
    for (i, r) in relationships.enumerated() where i + 1 < nodes.count {
      let forward = r.startID == nodes[i].id
      text += forward ? "-" + r.description + "->" : "<-" + r.description + "-"
      text += nodes[i + 1].description
    }
    return text + ">"
  }
}
