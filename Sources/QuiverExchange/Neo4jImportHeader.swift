// The header row of a neo4j-admin import file: each column's role (`:ID` with an optional
// property name and ID space, `:LABEL`, `:START_ID(space)`, `:END_ID(space)`, `:TYPE`,
// `:IGNORE`) or, for a property, its name and declared type (`name:string`, `age:int`,
// `tags:string[]`; an untyped column holds strings, as in Neo4j).
import CypherRuntime
import Quiver

/// The meaning of one column of a neo4j-admin header.
package enum Neo4jColumn: Sendable, Hashable {
  /// The node's id in `space` (nil: the global space), also stored as property `property`.
  case id(property: String?, space: String?)
  case label
  case startID(space: String?)
  case endID(space: String?)
  case type
  case ignore
  case property(name: String, kind: PropertyKind)

  /// Reads one header field; nil and a reason when it cannot be read.
  package static func parse(_ field: String) -> Result<Neo4jColumn, Neo4jHeaderError> {
    guard let colon = field.lastIndex(of: ":") else { return .success(.property(name: field, kind: PropertyKind(.string))) }
    let name = String(field[..<colon])
    var spec = String(field[field.index(after: colon)...])
    var space: String?
    if let open = spec.firstIndex(of: "("), spec.hasSuffix(")") {
      space = String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)])
      spec = String(spec[..<open])
    }
    switch spec.uppercased() {
    case "ID": return .success(.id(property: name.isEmpty ? nil : name, space: space))
    case "LABEL": return .success(.label)
    case "START_ID": return .success(.startID(space: space))
    case "END_ID": return .success(.endID(space: space))
    case "TYPE": return .success(.type)
    case "IGNORE": return .success(.ignore)
    default:
      guard space == nil, !name.isEmpty, let kind = PropertyKind(name: spec) else {
        return .failure(Neo4jHeaderError(field: field))
      }
      return .success(.property(name: name, kind: kind))
    }
  }
}

/// A header field that names no known column type.
package struct Neo4jHeaderError: Error, Sendable, Hashable {
  package let field: String
}

extension Neo4jColumn {
  /// True when the first line of the file at `path` is a neo4j-admin header (it has an `:ID`,
  /// `:START_ID`, `:END_ID` or `:LABEL` column), rather than Quiver's own CSV layout.
  package static func isNeo4jHeader(path: String, delimiter: UInt8) -> Bool {
    guard var reader = try? CSVReader(path: path, delimiter: delimiter) else { return false }
    guard let (_, fields) = try? reader.nextRow() else { return false }
    return fields.contains { field in
      switch Neo4jColumn.parse(field) {
      case .success(.id), .success(.startID), .success(.endID), .success(.label): return true
      default: return false
      }
    }
  }
}
