// `:export dot|mermaid FILE`: the nodes and relationships found anywhere in a result (in cells,
// lists, maps and paths) written as Graphviz DOT or as a Mermaid flowchart. Relationships whose
// end nodes are not in the result still get their ends, drawn by id. Captions and DOT quoting are
// QuiverExchange's, shared with `quiver export --format dot`.
import Quiver
import QuiverExchange

/// The graph formats `:export` writes.
package enum GraphExportFormat: String, CaseIterable, Sendable {
  case dot
  case mermaid
}

/// The nodes and relationships of a result, deduplicated by id, in order of first appearance.
package struct ResultGraph: Sendable {
  package private(set) var nodes: [Node] = []
  package private(set) var relationships: [Relationship] = []
  private var nodeIDs: Set<Int64> = []
  private var relationshipIDs: Set<Int64> = []

  /// Collects the graph values in `rows`.
  package init(rows: [[Value]]) {
    for row in rows {
      for value in row { collect(value) }
    }
  }

  private mutating func collect(_ value: Value) {
    switch value {
    case .node(let node): add(node)
    case .relationship(let relationship): add(relationship)
    case .path(let path):
      path.nodes.forEach { add($0) }
      path.relationships.forEach { add($0) }
    case .list(let items): items.forEach { collect($0) }
    case .map(let entries): entries.keys.sorted().forEach { collect(entries[$0] ?? .null) }
    default: break
    }
  }

  private mutating func add(_ node: Node) {
    if nodeIDs.insert(node.id).inserted { nodes.append(node) }
  }

  private mutating func add(_ relationship: Relationship) {
    if relationshipIDs.insert(relationship.id).inserted { relationships.append(relationship) }
  }

  /// True when the result held no node or relationship.
  package var isEmpty: Bool { nodes.isEmpty && relationships.isEmpty }

  /// The graph in `format`.
  package func render(_ format: GraphExportFormat) -> String {
    switch format {
    case .dot: return dot()
    case .mermaid: return mermaid()
    }
  }

  /// Graphviz source: `n<id>` nodes labelled with labels and properties, `->` edges labelled
  /// with the type.
  package func dot() -> String {
    var out = "digraph quiver {\n  node [shape=box];\n"
    for node in nodes {
      out += "  n\(node.id) [label=\(Escaping.dot(DOTExport.caption(node)))];\n"
    }
    for relationship in relationships {
      out += "  n\(relationship.startID) -> n\(relationship.endID) [label=\(Escaping.dot(DOTExport.caption(relationship)))];\n"
    }
    return out + "}\n"
  }

  /// Mermaid flowchart source: `n<id>["..."]` nodes and `-->|"TYPE"|` edges.
  package func mermaid() -> String {
    var out = "flowchart LR\n"
    for node in nodes {
      out += "  n\(node.id)[\"\(Self.mermaidText(DOTExport.caption(node)))\"]\n"
    }
    for relationship in relationships {
      out += "  n\(relationship.startID) -->|\"\(Self.mermaidText(DOTExport.caption(relationship)))\"| n\(relationship.endID)\n"
    }
    return out
  }

  /// `text` for inside a Mermaid `"..."` label: quotes and line breaks as entity codes.
  static func mermaidText(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\"": out += "#quot;"
      case "\n", "\r\n": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
