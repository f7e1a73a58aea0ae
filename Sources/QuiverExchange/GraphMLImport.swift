// `quiver import --format graphml`: reads GraphML (as GraphMLExport, APOC, networkx or Gephi write
// it) into a database. Node labels come from a `labels` attribute or data (`:A:B`), edge types
// from a `label` attribute or data (else `RELATED`). Data are typed by their key's `attr.type`;
// `attr.list` keys hold JSON arrays, and `quiver.type` keys ISO temporal text of that kind.
import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Quiver

/// Reads a GraphML file into a database.
package enum GraphMLImport {
  /// Imports the file at `path` in one transaction.
  /// - Throws: `QuiverError` `InvalidGraphML` naming the file and line; the database is unchanged then.
  package static func run(path: String, into database: Database) throws -> ImportSummary {
    let collector = GraphMLCollector(path: path)
    let parser = XMLParser(data: Data(try InputFile.bytes(path)))
    parser.delegate = collector
    if !parser.parse() {
      if let error = collector.error { throw error }
      throw QuiverError.runtime(
        .io, .invalidGraphML, "\(path):\(parser.lineNumber): \(parser.parserError?.localizedDescription ?? "the XML is not well-formed")")
    }
    if let error = collector.error { throw error }
    return try database.bulkLoad { writer in
      var nodes: [String: Int64] = [:]
      for node in collector.nodes {
        guard nodes[node.id] == nil else {
          throw QuiverError.runtime(.io, .invalidGraphML, "\(path):\(node.line): the node id `\(node.id)` appears twice")
        }
        nodes[node.id] = writer.createNode(labels: node.labels, properties: node.properties)
      }
      for edge in collector.edges {
        guard let start = nodes[edge.source], let end = nodes[edge.target] else {
          let missing = nodes[edge.source] == nil ? edge.source : edge.target
          throw QuiverError.runtime(.io, .invalidGraphML, "\(path):\(edge.line): no node has the id `\(missing)`")
        }
        writer.createRelationship(type: edge.type, from: start, to: end, properties: edge.properties)
      }
    }
  }
}

/// The XML parser's delegate: gathers keys, nodes and edges.
private final class GraphMLCollector: NSObject, XMLParserDelegate {
  struct Key {
    var name: String
    var type: String
    var list: String?
    var quiverType: String?
  }

  struct Element {
    var id: String
    var line: Int
    var labels: [String] = []
    var properties: [String: Value] = [:]
    var source = ""
    var target = ""
    var type = "RELATED"
  }

  let path: String
  var keys: [String: Key] = [:]
  var nodes: [Element] = []
  var edges: [Element] = []
  var error: QuiverError?
  private var current: Element?
  private var isEdge = false
  private var dataKey: String?
  private var text = ""

  init(path: String) { self.path = path }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch name {
    case "key":
      guard let id = attributes["id"] else { return fail(parser, "a <key> has no id") }
      keys[id] = Key(
        name: attributes["attr.name"] ?? id, type: attributes["attr.type"] ?? "string", list: attributes["attr.list"],
        quiverType: attributes["quiver.type"])
    case "node", "edge":
      guard let id = attributes["id"] ?? (name == "edge" ? "" : nil) else { return fail(parser, "a <node> has no id") }
      var element = Element(id: id, line: parser.lineNumber)
      isEdge = name == "edge"
      if let labels = attributes["labels"] { element.labels = Self.labels(labels) }
      if isEdge {
        guard let source = attributes["source"], let target = attributes["target"] else {
          return fail(parser, "an <edge> needs source and target")
        }
        element.source = source
        element.target = target
        if let label = attributes["label"], !label.isEmpty { element.type = label }
      }
      current = element
    case "data":
      dataKey = attributes["key"]
      text = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if dataKey != nil { text += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch name {
    case "data":
      defer { dataKey = nil }
      guard let id = dataKey, current != nil else { return }
      guard let key = keys[id] else { return fail(parser, "no <key> declares `\(id)`") }
      if !isEdge && key.name == "labels" {
        current?.labels = Self.labels(text)
      } else if isEdge && key.name == "label" {
        if !text.isEmpty { current?.type = text }
      } else {
        guard let value = value(text, key) else {
          return fail(parser, "`\(text)` is not a \(key.list.map { "list of \($0)" } ?? key.quiverType ?? key.type) (key `\(key.name)`)")
        }
        current?.properties[key.name] = value
      }
    case "node":
      if let element = current { nodes.append(element) }
      current = nil
    case "edge":
      if let element = current { edges.append(element) }
      current = nil
    default: break
    }
  }

  private func fail(_ parser: XMLParser, _ reason: String) {
    if error == nil { error = QuiverError.runtime(.io, .invalidGraphML, "\(path):\(parser.lineNumber): \(reason)") }
    parser.abortParsing()
  }

  /// `:A:B` (or `A:B`) into its labels.
  private static func labels(_ text: String) -> [String] {
    text.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
  }

  /// A data value typed by its key.
  private func value(_ text: String, _ key: Key) -> Value? {
    if let list = key.list {
      guard case .list(let items)? = try? JSONReader.parse(text) else { return nil }
      guard let kind = PropertyKind(name: list) else { return .list(items) }
      var out: [Value] = []
      for item in items {
        switch (kind.scalar, item) {
        case (.double, .int(let n)): out.append(.float(Double(n)))
        case (.long, .int), (.double, .float), (.boolean, .bool), (.string, .string): out.append(item)
        case (_, .string(let s)):
          guard let v = kind.parseScalar(s) else { return nil }
          out.append(v)
        default: return nil
        }
      }
      return .list(out)
    }
    if let quiverType = key.quiverType, let kind = PropertyKind(name: quiverType) { return kind.parseScalar(text) }
    switch key.type {
    case "int", "long": return PropertyKind(.long).parseScalar(text)
    case "float", "double": return PropertyKind(.double).parseScalar(text)
    case "boolean": return PropertyKind(.boolean).parseScalar(text)
    default: return .string(text)
    }
  }
}
