// The schema procedures of Neo4j 5 that describe the data rather than declared schema:
// db.schema.nodeTypeProperties() and db.schema.relTypeProperties() (each label combination or
// relationship type with the properties seen on it, their value types and whether every entity
// has them), and db.info().
import GraphCore
import GraphStorage

extension BuiltinProcedure {
  /// Rows of db.schema.nodeTypeProperties(): nodeType, nodeLabels, propertyName,
  /// propertyTypes, mandatory; one row per (label combination, property), or one row with null
  /// property columns for a combination whose nodes have no properties.
  /// - Complexity: O(nodes × properties), one scan.
  static func nodeTypeProperties(_ store: GraphStore) -> [[Value]] {
    var groups: [[String]: Shapes] = [:]
    for id in store.allNodeIDs() {
      let labels = store.labels(of: id).sorted()
      groups[labels, default: Shapes()].add(store.nodeProperties(id) ?? [:])
    }
    return groups.sorted { $0.key.lexicographicallyPrecedes($1.key) }.flatMap { labels, shapes in
      let type = ":" + labels.map { "`\($0)`" }.joined(separator: ":")
      return shapes.rows.map { [.string(type), .list(labels.map(Value.string))] + $0 }
    }
  }

  /// Rows of db.schema.relTypeProperties(): relType, propertyName, propertyTypes, mandatory.
  /// - Complexity: O(relationships × properties), one scan.
  static func relTypeProperties(_ store: GraphStore) -> [[Value]] {
    var groups: [String: Shapes] = [:]
    for id in store.allRelationshipIDs() {
      guard let type = store.type(of: id) else { continue }
      groups[type, default: Shapes()].add(store.relationshipProperties(id) ?? [:])
    }
    return groups.sorted { $0.key < $1.key }.flatMap { type, shapes in
      shapes.rows.map { [.string(":`\(type)`")] + $0 }
    }
  }

  /// The property shapes seen on one group of entities.
  struct Shapes {
    var count = 0
    var seen: [String: (types: Set<String>, count: Int)] = [:]

    mutating func add(_ properties: [String: Value]) {
      count += 1
      for (key, value) in properties {
        var entry = seen[key] ?? ([], 0)
        entry.types.insert(BuiltinProcedure.propertyTypeName(value))
        entry.count += 1
        seen[key] = entry
      }
    }

    /// propertyName, propertyTypes, mandatory for each key (sorted), or one all-null row.
    var rows: [[Value]] {
      if seen.isEmpty { return [[.null, .null, .bool(false)]] }
      return seen.keys.sorted().map { key in
        let entry = seen[key] ?? ([], 0)
        return [.string(key), .list(entry.types.sorted().map(Value.string)), .bool(entry.count == count)]
      }
    }
  }

  /// The type name Neo4j's schema procedures give a stored value (`String`, `Long`, `Double`,
  /// `Boolean`, `Date`, …; arrays as `StringArray`, `LongArray`, …).
  static func propertyTypeName(_ value: Value) -> String {
    switch value {
    case .bool: return "Boolean"
    case .int: return "Long"
    case .float: return "Double"
    case .string: return "String"
    case .point: return "Point"
    case .vector: return "Vector"
    case .temporal(let t):
      switch t.kind {
      case .date: return "Date"
      case .localTime: return "LocalTime"
      case .time: return "Time"
      case .localDateTime: return "LocalDateTime"
      case .dateTime: return "DateTime"
      case .duration: return "Duration"
      }
    case .list(let items):
      guard let first = items.first else { return "StringArray" }
      return propertyTypeName(first) + "Array"
    default: return "Any"
    }
  }
}
