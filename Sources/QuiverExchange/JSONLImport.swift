// `quiver import --format jsonl`: reads the APOC JSON-lines layout that JSONLExport writes (one
// object per line, `"type": "node"` or `"relationship"`). Relationships may come before the
// nodes they join; they are created after all nodes. JSON cannot tell temporals or the strings
// "NaN"/"Infinity" from text, so those come back as strings.
import Quiver

/// Reads a JSON-lines file into a database.
package enum JSONLImport {
  /// Imports the file at `path` in one transaction.
  /// - Throws: `QuiverError` `InvalidJSON` naming the file and line; the database is unchanged then.
  package static func run(path: String, into database: Database) throws -> ImportSummary {
    let text = try InputFile.text(path)
    return try database.bulkLoad { writer in
      var nodes: [String: Int64] = [:]
      var pending: [(line: Int, start: String, end: String, type: String, properties: [String: Value])] = []
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let number = index + 1
        func bad(_ reason: String) -> QuiverError { QuiverError.runtime(.io, .invalidJSON, "\(path):\(number): \(reason)") }
        guard !line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) else { continue }
        let object: [String: Value]
        do {
          guard case .map(let parsed) = try JSONReader.parse(String(line)) else { throw bad("expected a JSON object") }
          object = parsed
        } catch let error as QuiverError where error.code == .invalidJSON && !error.message.hasPrefix(path) {
          throw bad(error.message)
        }
        guard let id = idText(object["id"]) else { throw bad("the object has no id") }
        let properties: [String: Value]
        switch object["properties"] {
        case .map(let map)?: properties = map
        case nil, .null?: properties = [:]
        default: throw bad("properties must be an object")
        }
        switch object["type"]?.stringValue {
        case "node":
          guard nodes[id] == nil else { throw bad("the node id `\(id)` appears twice") }
          let labels = (object["labels"]?.listValue ?? []).compactMap(\.stringValue)
          nodes[id] = writer.createNode(labels: labels, properties: properties)
        case "relationship":
          guard let type = object["label"]?.stringValue, !type.isEmpty else { throw bad("the relationship has no label (its type)") }
          guard case .map(let start)? = object["start"], let startID = idText(start["id"]),
            case .map(let end)? = object["end"], let endID = idText(end["id"])
          else { throw bad("the relationship needs start and end objects with ids") }
          pending.append((number, startID, endID, type, properties))
        default: throw bad("type must be \"node\" or \"relationship\"")
        }
      }
      for r in pending {
        guard let start = nodes[r.start], let end = nodes[r.end] else {
          throw QuiverError.runtime(.io, .invalidJSON, "\(path):\(r.line): no node has the id `\(nodes[r.start] == nil ? r.start : r.end)`")
        }
        writer.createRelationship(type: r.type, from: start, to: end, properties: r.properties)
      }
    }
  }

  /// An id given as a string or an integer.
  private static func idText(_ value: Value?) -> String? {
    switch value {
    case .string(let text)?: return text
    case .int(let number)?: return String(number)
    default: return nil
    }
  }
}
