// The typed value that flows through every layer of Quiver: property values, parameters,
// intermediate query values and results. Entities are carried by reference (their id) inside the
// engine; results hand out snapshots with labels and properties filled in.

/// A Cypher value: a storable property value (null, boolean, integer, float, string, list, map)
/// a temporal value (date, time, date-time, duration), a spatial point, a vector, or a graph
/// entity (node, relationship, path).
public enum Value: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
  case list([Value])
  case map([String: Value])
  case node(Node)
  case relationship(Relationship)
  case path(Path)
  /// Boxed: a temporal value is several times larger than every other case.
  indirect case temporal(Temporal)
  /// A spatial point (`point({x: 1, y: 2})`). Boxed like `temporal`, so that `Value` stays as
  /// small as its other cases make it.
  indirect case point(Point)
  /// A Cypher 25 `VECTOR` (`vector([1, 2], 2, INTEGER8)`): typed coordinates of a fixed
  /// dimension, storable as a property.
  case vector(Vector)

  /// True for `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The Cypher type name used in error messages and by `valueType()`.
  public var typeName: String {
    switch self {
    case .null: return "NULL"
    case .bool: return "BOOLEAN"
    case .int: return "INTEGER"
    case .float: return "FLOAT"
    case .string: return "STRING"
    case .list: return "LIST"
    case .map: return "MAP"
    case .node: return "NODE"
    case .relationship: return "RELATIONSHIP"
    case .path: return "PATH"
    case .temporal(let t): return t.typeName
    case .point: return "POINT"
    case .vector: return "VECTOR"
    }
  }
}

/// A node: a stable id, its labels and its properties. Inside a running query only `id` is
/// meaningful; results carry the labels and properties as they were when the query finished.
/// The labels and properties sit behind one shared reference, absent for a bare id, so that a
/// node costs the engine sixteen bytes wherever it is copied.
public struct Node: Sendable, Hashable {
  public let id: Int64
  private var details: NodeDetails?

  public init(id: Int64, labels: [String] = [], properties: [String: Value] = [:]) {
    self.id = id
    details = labels.isEmpty && properties.isEmpty ? nil : NodeDetails(labels: labels, properties: properties)
  }

  public var labels: [String] {
    get { details?.labels ?? [] }
    set { details = NodeDetails(labels: newValue, properties: properties) }
  }

  public var properties: [String: Value] {
    get { details?.properties ?? [:] }
    set { details = NodeDetails(labels: labels, properties: newValue) }
  }

  public static func == (a: Node, b: Node) -> Bool { a.id == b.id }
  public func hash(into h: inout Hasher) { h.combine(id) }
}

/// The labels and properties of a `Node` snapshot, shared between its copies.
final class NodeDetails: Sendable {
  let labels: [String]
  let properties: [String: Value]

  init(labels: [String], properties: [String: Value]) {
    self.labels = labels
    self.properties = properties
  }
}

/// A relationship: a stable id, its type, its start and end node ids and its properties. Like
/// `Node`, everything but the id sits behind one shared reference, absent for a bare id.
public struct Relationship: Sendable, Hashable {
  public let id: Int64
  private var details: RelationshipDetails?

  public init(
    id: Int64, type: String = "", startID: Int64 = -1, endID: Int64 = -1,
    properties: [String: Value] = [:]
  ) {
    self.id = id
    details =
      type.isEmpty && startID == -1 && endID == -1 && properties.isEmpty
      ? nil : RelationshipDetails(type: type, startID: startID, endID: endID, properties: properties)
  }

  public var type: String {
    get { details?.type ?? "" }
    set { self = Relationship(id: id, type: newValue, startID: startID, endID: endID, properties: properties) }
  }

  public var startID: Int64 {
    get { details?.startID ?? -1 }
    set { self = Relationship(id: id, type: type, startID: newValue, endID: endID, properties: properties) }
  }

  public var endID: Int64 {
    get { details?.endID ?? -1 }
    set { self = Relationship(id: id, type: type, startID: startID, endID: newValue, properties: properties) }
  }

  public var properties: [String: Value] {
    get { details?.properties ?? [:] }
    set { self = Relationship(id: id, type: type, startID: startID, endID: endID, properties: newValue) }
  }

  public static func == (a: Relationship, b: Relationship) -> Bool { a.id == b.id }
  public func hash(into h: inout Hasher) { h.combine(id) }
}

/// The type, end points and properties of a `Relationship` snapshot, shared between its copies.
final class RelationshipDetails: Sendable {
  let type: String
  let startID: Int64
  let endID: Int64
  let properties: [String: Value]

  init(type: String, startID: Int64, endID: Int64, properties: [String: Value]) {
    self.type = type
    self.startID = startID
    self.endID = endID
    self.properties = properties
  }
}

/// A path: alternating nodes and relationships, starting and ending with a node
/// (`nodes.count == relationships.count + 1`).
public struct Path: Sendable, Hashable {
  public var nodes: [Node]
  public var relationships: [Relationship]

  public init(nodes: [Node], relationships: [Relationship]) {
    self.nodes = nodes
    self.relationships = relationships
  }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral
{
  public init(integerLiteral v: Int64) { self = .int(v) }
  public init(floatLiteral v: Double) { self = .float(v) }
  public init(stringLiteral v: String) { self = .string(v) }
  public init(booleanLiteral v: Bool) { self = .bool(v) }
  public init(arrayLiteral elements: Value...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, Value)...) {
    self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
  public init(nilLiteral: ()) { self = .null }
}

extension Value {
  /// Convenience accessors for embedders reading results.
  public var intValue: Int64? { if case .int(let v) = self { return v } else { return nil } }
  public var doubleValue: Double? {
    switch self {
    case .float(let v): return v
    case .int(let v): return Double(v)
    default: return nil
    }
  }
  public var stringValue: String? { if case .string(let v) = self { return v } else { return nil } }
  public var boolValue: Bool? { if case .bool(let v) = self { return v } else { return nil } }
  public var listValue: [Value]? { if case .list(let v) = self { return v } else { return nil } }
  public var nodeValue: Node? { if case .node(let v) = self { return v } else { return nil } }
  public var relationshipValue: Relationship? {
    if case .relationship(let v) = self { return v } else { return nil }
  }
  /// The point this value holds; nil for any other value.
  public var pointValue: Point? { if case .point(let v) = self { return v } else { return nil } }
  /// The vector this value holds; nil for any other value.
  public var vectorValue: Vector? { if case .vector(let v) = self { return v } else { return nil } }
}
