// `quiver export --format csv`: the graph as CSV files in the layout `neo4j-admin database import`
// and `quiver import` read: one nodes file per label combination (`:ID`, typed property columns,
// `:LABEL`) and one relationships file per type (`:START_ID`, `:END_ID`, `:TYPE`, properties).
// Columns are typed as Neo4j names them (`name:string`, `age:long`, `born:date`, `tags:string[]`
// with `;` between elements). Nodes whose properties disagree in type with others of the same
// labels go to a further file of their own.
import Foundation
import Quiver

/// Writes a graph as neo4j-admin CSV files into a directory.
package enum Neo4jCSVExport {
  /// The delimiter between array elements.
  package static let arrayDelimiter: Character = ";"

  /// A written file: its name in the directory, what it holds and its row count.
  package struct File: Sendable, Hashable {
    package var name: String
    package var isNodes: Bool
    package var rows: Int
  }

  /// A group of entities sharing a file: their columns (name and kind, sorted by name).
  private struct Group {
    var columns: [String: PropertyKind] = [:]
    var ids: [Int64] = []
  }

  /// Writes `source` into `directory` (created if missing) and returns the files, nodes first.
  package static func write(_ source: GraphSource, to directory: String) throws -> (files: [File], summary: ExportSummary) {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var summary = ExportSummary()
    // Group nodes by label combination, splitting a group when a column's type would differ.
    var nodeGroups: [[String]: [Group]] = [:]
    var labelOrder: [[String]] = []
    source.forEachNode { node in
      let labels = node.labels.sorted()
      if nodeGroups[labels] == nil { labelOrder.append(labels) }
      place(node.id, node.properties, in: &nodeGroups[labels, default: []])
    }
    var relationshipGroups: [String: [Group]] = [:]
    var typeOrder: [String] = []
    source.forEachRelationship { relationship in
      if relationshipGroups[relationship.type] == nil { typeOrder.append(relationship.type) }
      place(relationship.id, relationship.properties, in: &relationshipGroups[relationship.type, default: []])
    }

    var files: [File] = []
    var usedNames: Set<String> = []
    func fileName(_ stem: String) -> String {
      let safe = String(stem.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
      var name = safe + ".csv"
      var n = 2
      while usedNames.contains(name) {
        name = "\(safe)_\(n).csv"
        n += 1
      }
      usedNames.insert(name)
      return name
    }
    let snapshot = GraphLookup(source)
    for labels in labelOrder {
      for group in nodeGroups[labels] ?? [] {
        let name = fileName("nodes_" + (labels.isEmpty ? "unlabelled" : labels.joined(separator: "_")))
        let output = try TextOutput(path: directory + "/" + name)
        let columns = group.columns.keys.sorted()
        try output.write(([":ID"] + columns.map { header($0, group.columns[$0]) } + [":LABEL"]).map { CSVText.field($0, quotingEmpty: true) }.joined(separator: ",") + "\n")
        for id in group.ids {
          let node = snapshot.node(id)
          var fields = [String(id)]
          for column in columns { fields.append(field(node.properties[column])) }
          fields.append(CSVText.field(labels.joined(separator: String(arrayDelimiter)), quotingEmpty: true))
          try output.write(fields.joined(separator: ",") + "\n")
          summary.properties += node.properties.count
        }
        try output.close()
        summary.nodes += group.ids.count
        summary.bytes += output.byteCount
        files.append(File(name: name, isNodes: true, rows: group.ids.count))
      }
    }
    for type in typeOrder {
      for group in relationshipGroups[type] ?? [] {
        let name = fileName("relationships_" + type)
        let output = try TextOutput(path: directory + "/" + name)
        let columns = group.columns.keys.sorted()
        try output.write(([":START_ID", ":END_ID", ":TYPE"] + columns.map { header($0, group.columns[$0]) }).map { CSVText.field($0, quotingEmpty: true) }.joined(separator: ",") + "\n")
        for id in group.ids {
          let relationship = snapshot.relationship(id)
          var fields = [String(relationship.startID), String(relationship.endID), CSVText.field(type, quotingEmpty: true)]
          for column in columns { fields.append(field(relationship.properties[column])) }
          try output.write(fields.joined(separator: ",") + "\n")
          summary.properties += relationship.properties.count
        }
        try output.close()
        summary.relationships += group.ids.count
        summary.bytes += output.byteCount
        files.append(File(name: name, isNodes: false, rows: group.ids.count))
      }
    }
    return (files, summary)
  }

  /// Adds an entity to the first group whose columns agree with its property types.
  private static func place(_ id: Int64, _ properties: [String: Value], in groups: inout [Group]) {
    let kinds = properties.mapValues { PropertyKind(of: $0) ?? PropertyKind(.string) }
    func agrees(_ group: Group) -> Bool {
      kinds.allSatisfy { entry in group.columns[entry.key].map { $0 == entry.value } ?? true }
    }
    if let index = groups.firstIndex(where: agrees) {
      groups[index].columns.merge(kinds) { old, _ in old }
      groups[index].ids.append(id)
    } else {
      groups.append(Group(columns: kinds, ids: [id]))
    }
  }

  private static func header(_ name: String, _ kind: PropertyKind?) -> String {
    name + ":" + (kind ?? PropertyKind(.string)).description
  }

  /// A property's field: empty when absent, arrays joined by `;`, strings quoted when needed
  /// (always when empty, so that an empty string differs from no value).
  private static func field(_ value: Value?) -> String {
    guard let value else { return "" }
    if case .list(let items) = value, PropertyKind(of: value) != nil {
      return CSVText.field(items.map(PropertyKind.text).joined(separator: String(arrayDelimiter)), quotingEmpty: true)
    }
    if PropertyKind(of: value) == nil { return CSVText.field(value.cypherText, quotingEmpty: true) }
    return CSVText.field(PropertyKind.text(value), quotingEmpty: true)
  }
}

/// Random access to the entities of a `GraphSource` by id, for writers that group them first.
struct GraphLookup {
  private var nodes: [Int64: Node] = [:]
  private var relationships: [Int64: Relationship] = [:]

  init(_ source: GraphSource) {
    source.forEachNode { nodes[$0.id] = $0 }
    source.forEachRelationship { relationships[$0.id] = $0 }
  }

  func node(_ id: Int64) -> Node { nodes[id] ?? Node(id: id) }
  func relationship(_ id: Int64) -> Relationship { relationships[id] ?? Relationship(id: id) }
}
