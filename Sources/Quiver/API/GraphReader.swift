// Graph access without Cypher: a read-only view of one committed version of the graph for code
// that walks it itself (node by id, labels, properties, neighbours by type and direction,
// degree). Reads go straight to the store's public surface with no parsing or planning, and the
// view never changes under its reader: later commits make new versions.
import GraphStorage

/// Which relationships of a node to follow.
public enum RelationshipDirection: Sendable, Hashable {
  /// Relationships that start at the node.
  case outgoing
  /// Relationships that end at the node.
  case incoming
  /// Both; a self-loop counts once.
  case both

  var storeDirection: Direction {
    switch self {
    case .outgoing: return .outgoing
    case .incoming: return .incoming
    case .both: return .both
    }
  }
}

/// A read-only view of one committed version of the graph: `let graph = db.reader()`.
///
/// Taking one costs a few reference-count increments and holds that version until the reader
/// is dropped (writers never wait for it). Every method is a direct look-up in the store,
/// cheap enough for tight loops; resolve a property key once with `key(_:)` when reading it
/// for many nodes. Ids of nodes that do not exist give nil, empty lists or zero.
public struct GraphReader: Sendable {
  private let store: GraphStore

  init(store: GraphStore) { self.store = store }

  /// A property key resolved once, for reading it from many nodes or relationships.
  public struct PropertyKey: Sendable, Hashable {
    let id: PropertyKeyID?
    /// The key's name.
    public let name: String
  }

  /// One relationship at a node: its id and the node at its other end.
  public struct Adjacent: Sendable, Hashable {
    /// The relationship's id.
    public let relationship: Int64
    /// The node at the relationship's other end (the node itself for a self-loop).
    public let neighbour: Int64
  }

  /// Number of nodes.
  public var nodeCount: Int { store.nodeCount }
  /// Number of relationships.
  public var relationshipCount: Int { store.relationshipCount }

  /// Ids of every node, ascending.
  /// - Complexity: O(n) in the number of nodes.
  public var nodeIDs: [Int64] { store.allNodeIDs() }

  /// Ids of the nodes with `label`, ascending.
  public func nodeIDs(label: String) -> [Int64] { store.nodeIDs(withLabel: label) }

  /// Whether a node with this id exists.
  public func contains(node id: Int64) -> Bool { store.nodeExists(id) }

  /// The node with its labels and properties; nil when there is none.
  public func node(_ id: Int64) -> Node? { store.nodeExists(id) ? store.hydrateNode(id) : nil }

  /// The relationship with its type, end points and properties; nil when there is none.
  public func relationship(_ id: Int64) -> Relationship? {
    store.relationshipExists(id) ? store.hydrateRelationship(id) : nil
  }

  /// The labels of a node, in the order they were added.
  public func labels(of node: Int64) -> [String] { store.nodeExists(node) ? store.labels(of: node) : [] }

  /// Whether the node has `label`.
  public func hasLabel(_ node: Int64, _ label: String) -> Bool { store.hasLabel(node, label) }

  /// The type of a relationship; nil when there is none.
  public func type(of relationship: Int64) -> String? { store.type(of: relationship) }

  /// `name` resolved for `property(_:of:)`.
  public func key(_ name: String) -> PropertyKey { PropertyKey(id: store.propertyKeyID(name), name: name) }

  /// The value of a node's property; nil when the node lacks it (or does not exist).
  public func property(_ key: PropertyKey, of node: Int64) -> Value? {
    store.nodeProperty(node, key: key.id) ?? nil
  }

  /// The value of a node's property by name.
  public func property(_ name: String, of node: Int64) -> Value? { property(key(name), of: node) }

  /// The value of a relationship's property; nil when it lacks it (or does not exist).
  public func property(_ key: PropertyKey, ofRelationship relationship: Int64) -> Value? {
    store.relationshipProperty(relationship, key: key.id) ?? nil
  }

  /// Every property of a node; empty when it has none or does not exist.
  public func properties(of node: Int64) -> [String: Value] { store.nodeProperties(node) ?? [:] }

  /// The relationships at `node` in `direction`, of `type` when given, with their other ends.
  /// - Complexity: O(d) in the node's relationships of that type and direction.
  public func relationships(of node: Int64, direction: RelationshipDirection = .both, type: String? = nil)
    -> [Adjacent]
  {
    store.adjacent(to: node, direction: direction.storeDirection, typeIDs: store.resolve(types: type.map { [$0] }))
      .map { Adjacent(relationship: $0.id, neighbour: $0.neighbour) }
  }

  /// The nodes at the other end of `node`'s relationships in `direction`, of `type` when
  /// given; a node reached by two relationships appears twice.
  public func neighbours(of node: Int64, direction: RelationshipDirection = .both, type: String? = nil) -> [Int64] {
    store.adjacent(to: node, direction: direction.storeDirection, typeIDs: store.resolve(types: type.map { [$0] }))
      .map(\.neighbour)
  }

  /// Number of `node`'s relationships in `direction`, of `type` when given (a self-loop counts
  /// once with `.both`).
  public func degree(of node: Int64, direction: RelationshipDirection = .both, type: String? = nil) -> Int {
    store.adjacent(to: node, direction: direction.storeDirection, typeIDs: store.resolve(types: type.map { [$0] }))
      .count
  }
}

extension Database {
  /// A read-only view of the graph as committed now (see `GraphReader`).
  public func reader() -> GraphReader { GraphReader(store: state.withLock { $0.store }) }
}
