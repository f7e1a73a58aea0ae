// Quiver values in the three JSON shapes the HTTP API speaks: the Query API's plain JSON (nodes
// as `{elementId, labels, properties}`), its typed JSON (`{"$type": "Integer", "_value": "1"}`),
// and the transactional endpoint's rows (entities as their property maps, with `meta` and the
// optional `graph` beside them). Element ids are the Bolt ones: the id as decimal text.
import Quiver

/// Which JSON shape a response uses.
package enum JSONValueStyle: Sendable {
  /// Plain JSON: numbers, strings, objects; temporals as ISO-8601 text, points as
  /// `SRID=…;POINT (…)` well-known text.
  case plain
  /// Neo4j's typed JSON: every value as `{"$type", "_value"}`.
  case typed
}

extension JSONWriter {
  /// `value` in `style`.
  package mutating func value(_ value: Value, style: JSONValueStyle) {
    switch style {
    case .plain: plain(value)
    case .typed: typed(value)
    }
  }

  /// The Query API's plain JSON for `value`.
  package mutating func plain(_ value: Value) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .int(let i): int(i)
    case .float(let d): double(d)
    case .string(let s): string(s)
    case .list(let items): array(items) { $0.plain($1) }
    case .map(let entries): properties(entries) { $0.plain($1) }
    case .node(let node):
      object { w, member in
        member(&w, "elementId")
        w.string(String(node.id))
        member(&w, "labels")
        w.array(node.labels) { $0.string($1) }
        member(&w, "properties")
        w.properties(node.properties) { $0.plain($1) }
      }
    case .relationship(let rel):
      object { w, member in
        member(&w, "elementId")
        w.string(String(rel.id))
        member(&w, "startNodeElementId")
        w.string(String(rel.startID))
        member(&w, "endNodeElementId")
        w.string(String(rel.endID))
        member(&w, "type")
        w.string(rel.type)
        member(&w, "properties")
        w.properties(rel.properties) { $0.plain($1) }
      }
    case .path(let path): array(Self.pathElements(path)) { $0.plain($1) }
    case .temporal(let t): string(t.description)
    case .point(let p): string(p.wellKnownText)
    // As over Bolt, a vector travels as the list of its coordinates.
    case .vector(let v): plain(.list(v.elements))
    }
  }

  /// Neo4j's typed JSON for `value`.
  package mutating func typed(_ value: Value) {
    object { w, member in
      member(&w, "$type")
      w.string(Self.typeName(value))
      member(&w, "_value")
      switch value {
      case .null: w.null()
      case .bool(let b): w.bool(b)
      case .int(let i): w.string(String(i))
      case .float(let d): w.string(String(d))
      case .string(let s): w.string(s)
      case .list(let items): w.array(items) { $0.typed($1) }
      case .map(let entries): w.properties(entries) { $0.typed($1) }
      case .node(let node):
        w.object { w, member in
          member(&w, "_element_id")
          w.string(String(node.id))
          member(&w, "_labels")
          w.array(node.labels) { $0.string($1) }
          member(&w, "_properties")
          w.properties(node.properties) { $0.typed($1) }
        }
      case .relationship(let rel):
        w.object { w, member in
          member(&w, "_element_id")
          w.string(String(rel.id))
          member(&w, "_start_node_element_id")
          w.string(String(rel.startID))
          member(&w, "_end_node_element_id")
          w.string(String(rel.endID))
          member(&w, "_type")
          w.string(rel.type)
          member(&w, "_properties")
          w.properties(rel.properties) { $0.typed($1) }
        }
      case .path(let path): w.array(Self.pathElements(path)) { $0.typed($1) }
      case .temporal(let t): w.string(t.description)
      case .point(let p): w.string(p.wellKnownText)
      case .vector(let v): w.array(v.elements) { $0.typed($1) }
      }
    }
  }

  /// The `$type` of `value` in typed JSON.
  static func typeName(_ value: Value) -> String {
    switch value {
    case .null: return "Null"
    case .bool: return "Boolean"
    case .int: return "Integer"
    case .float: return "Float"
    case .string: return "String"
    case .list, .vector: return "List"
    case .map: return "Map"
    case .node: return "Node"
    case .relationship: return "Relationship"
    case .path: return "Path"
    case .point: return "Point"
    case .temporal(let t):
      switch t.kind {
      case .date: return "Date"
      case .time: return "Time"
      case .localTime: return "LocalTime"
      case .localDateTime: return "LocalDateTime"
      case .dateTime: return t.zoneID == nil ? "OffsetDateTime" : "ZonedDateTime"
      case .duration: return "Duration"
      }
    }
  }

  /// A path as the alternating nodes and relationships the Query API lists.
  static func pathElements(_ path: Path) -> [Value] {
    var elements: [Value] = []
    for (index, node) in path.nodes.enumerated() {
      elements.append(.node(node))
      if index < path.relationships.count { elements.append(.relationship(path.relationships[index])) }
    }
    return elements
  }

  /// A property map with its keys sorted, so responses are deterministic.
  mutating func properties(_ entries: [String: Value], _ item: (inout JSONWriter, Value) -> Void) {
    object { w, member in
      for key in entries.keys.sorted() {
        member(&w, key)
        if let value = entries[key] { item(&w, value) }
      }
    }
  }

  // MARK: The transactional endpoint

  /// A transactional-endpoint row cell: entities become their property maps, paths lists of them,
  /// points GeoJSON-like objects as Neo4j writes them.
  package mutating func legacyRow(_ value: Value) {
    switch value {
    case .point(let point): legacyPoint(point)
    case .node(let node): properties(node.properties) { $0.legacyRow($1) }
    case .relationship(let rel): properties(rel.properties) { $0.legacyRow($1) }
    case .path(let path): array(Self.pathElements(path)) { $0.legacyRow($1) }
    case .list(let items): array(items) { $0.legacyRow($1) }
    case .map(let entries): properties(entries) { $0.legacyRow($1) }
    default: plain(value)
    }
  }

  /// The `meta` of a row cell: id, element id, type and `deleted` for entities; null otherwise.
  package mutating func legacyMeta(_ value: Value) {
    func entity(_ w: inout JSONWriter, _ id: Int64, _ type: String) {
      w.object { w, member in
        member(&w, "id")
        w.int(id)
        member(&w, "elementId")
        w.string(String(id))
        member(&w, "type")
        w.string(type)
        member(&w, "deleted")
        w.bool(false)
      }
    }
    switch value {
    case .node(let node): entity(&self, node.id, "node")
    case .relationship(let rel): entity(&self, rel.id, "relationship")
    case .path(let path): array(Self.pathElements(path)) { $0.legacyMeta($1) }
    case .list(let items): array(items) { $0.legacyMeta($1) }
    case .point:
      object { w, member in
        member(&w, "type")
        w.string("point")
      }
    default: null()
    }
  }

  /// `{"type": "Point", "coordinates": [x, y], "crs": {"srid", "name", "type": "link",
  /// "properties": {"href", "type": "ogcwkt"}}}`: the transactional endpoint's point.
  private mutating func legacyPoint(_ point: Point) {
    object { w, member in
      member(&w, "type")
      w.string("Point")
      member(&w, "coordinates")
      w.array(point.coordinates) { $0.double($1) }
      member(&w, "crs")
      w.object { w, member in
        member(&w, "srid")
        w.int(Int64(point.srid))
        member(&w, "name")
        w.string(point.crs)
        member(&w, "type")
        w.string("link")
        member(&w, "properties")
        w.object { w, member in
          let authority = point.isGeographic ? "epsg" : "sr-org"
          member(&w, "href")
          w.string("http://spatialreference.org/ref/\(authority)/\(point.srid)/ogcwkt/")
          member(&w, "type")
          w.string("ogcwkt")
        }
      }
    }
  }

  /// The `graph` of a row: every node and relationship the row holds, each once.
  package mutating func legacyGraph(_ row: [Value]) {
    var nodes: [Int64: Node] = [:]
    var rels: [Int64: Relationship] = [:]
    func collect(_ value: Value) {
      switch value {
      case .node(let node): nodes[node.id] = node
      case .relationship(let rel): rels[rel.id] = rel
      case .path(let path):
        for node in path.nodes { nodes[node.id] = node }
        for rel in path.relationships { rels[rel.id] = rel }
      case .list(let items): items.forEach(collect)
      case .map(let entries): entries.values.forEach(collect)
      default: break
      }
    }
    row.forEach(collect)
    object { w, member in
      member(&w, "nodes")
      w.array(nodes.keys.sorted()) { w, id in
        guard let node = nodes[id] else { return }
        w.object { w, member in
          member(&w, "id")
          w.string(String(id))
          member(&w, "elementId")
          w.string(String(id))
          member(&w, "labels")
          w.array(node.labels) { $0.string($1) }
          member(&w, "properties")
          w.properties(node.properties) { $0.plain($1) }
        }
      }
      member(&w, "relationships")
      w.array(rels.keys.sorted()) { w, id in
        guard let rel = rels[id] else { return }
        w.object { w, member in
          member(&w, "id")
          w.string(String(id))
          member(&w, "elementId")
          w.string(String(id))
          member(&w, "type")
          w.string(rel.type)
          member(&w, "startNode")
          w.string(String(rel.startID))
          member(&w, "endNode")
          w.string(String(rel.endID))
          member(&w, "startNodeElementId")
          w.string(String(rel.startID))
          member(&w, "endNodeElementId")
          w.string(String(rel.endID))
          member(&w, "properties")
          w.properties(rel.properties) { $0.plain($1) }
        }
      }
    }
  }
}
