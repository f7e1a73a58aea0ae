// The graph catalog in the embedding API: `db.algorithms.project(name, …)` keeps a projection under
// a name (the catalog the `algo.graph.*` procedures use), `.graphs()` lists them, `.drop(name)`
// removes one, `AnalyticsGraph.named(name)` runs any algorithm on one, `.mutate(…)` adds a result
// to one as a node property, and `db.writeNodeProperty(…)` stores a result in the database.
import CypherRuntime
import GraphAlgorithms
import GraphStorage

/// How relationships joining the same two nodes merge in a projection (GDS's aggregations).
public struct GraphAggregation: Sendable, Hashable {
  /// The name as the `aggregation` configuration key spells it: NONE, SINGLE, SUM, MIN, MAX or COUNT.
  public let rawValue: String
  private init(_ rawValue: String) { self.rawValue = rawValue }

  /// Keep every relationship (a multigraph).
  public static let none = GraphAggregation("NONE")
  /// One edge per pair, weighted as the first relationship.
  public static let single = GraphAggregation("SINGLE")
  /// One edge per pair, weighted by the sum of the weights.
  public static let sum = GraphAggregation("SUM")
  /// One edge per pair, weighted by the least weight.
  public static let min = GraphAggregation("MIN")
  /// One edge per pair, weighted by the greatest weight.
  public static let max = GraphAggregation("MAX")
  /// One edge per pair, weighted by the number of relationships merged.
  public static let count = GraphAggregation("COUNT")
}

/// What a native projection into the catalog holds (the keys of `algo.graph.project`).
public struct CatalogProjection: Sendable {
  /// Nodes with any of these labels (all nodes when nil).
  public var nodeLabels: [String]?
  /// Relationships of any of these types (all when nil).
  public var relationshipTypes: [String]?
  /// NATURAL (as stored), REVERSE or UNDIRECTED.
  public var orientation: String
  public var aggregation: GraphAggregation
  /// Numeric node properties to keep.
  public var nodeProperties: [String]
  /// Numeric relationship properties to keep, each usable as `weightProperty`.
  public var relationshipProperties: [String]
  /// Weight of a relationship that lacks a projected property.
  public var defaultWeight: Double

  public init(
    nodeLabels: [String]? = nil, relationshipTypes: [String]? = nil, orientation: String = "NATURAL",
    aggregation: GraphAggregation = .none, nodeProperties: [String] = [], relationshipProperties: [String] = [],
    defaultWeight: Double = 1
  ) {
    self.nodeLabels = nodeLabels
    self.relationshipTypes = relationshipTypes
    self.orientation = orientation
    self.aggregation = aggregation
    self.nodeProperties = nodeProperties
    self.relationshipProperties = relationshipProperties
    self.defaultWeight = defaultWeight
  }

  /// The configuration map `algo.graph.project` takes for these settings.
  var configuration: Value {
    var map: [String: Value] = [
      "orientation": .string(orientation), "aggregation": .string(aggregation.rawValue),
      "nodeProperties": .list(nodeProperties.map(Value.string)),
      "relationshipProperties": .list(relationshipProperties.map(Value.string)), "defaultWeight": .float(defaultWeight),
    ]
    if let nodeLabels { map["nodeLabels"] = .list(nodeLabels.map(Value.string)) }
    if let relationshipTypes { map["relationshipTypes"] = .list(relationshipTypes.map(Value.string)) }
    return .map(map)
  }
}

/// A graph of the catalog, as `algo.graph.list` describes it.
public struct NamedGraphInfo: Sendable, Hashable {
  public let name: String
  public let nodeCount: Int
  /// Projected relationships (an undirected graph counts each in both directions).
  public let relationshipCount: Int
  /// The version of the database it was projected from; later writes do not change it.
  public let databaseVersion: UInt64
  /// Bytes held by its arrays.
  public let memoryBytes: Int
  public let orientation: String
  public let aggregation: String
  public let nodeProperties: [String]
  public let relationshipProperties: [String]

  init(_ g: NamedGraph) {
    name = g.name
    nodeCount = g.nodeCount
    relationshipCount = g.relationshipCount
    databaseVersion = g.version
    memoryBytes = g.memoryBytes
    orientation = g.orientation.gdsName
    aggregation = g.aggregation.rawValue
    nodeProperties = g.nodeProperties.keys.sorted()
    relationshipProperties = g.weighted.keys.sorted()
  }
}

extension GraphAnalytics {
  /// Projects this snapshot of the graph into the catalog as `name`. Throws GraphAlreadyExists
  /// when the name is taken, and ArgumentError for invalid settings (as `algo.graph.project`).
  @discardableResult
  public func project(_ name: String, _ projection: CatalogProjection = CatalogProjection()) throws -> NamedGraphInfo {
    var config = try AlgorithmConfig(procedure: CatalogProcedure.project.rawValue, arguments: [projection.configuration])
    let graph = try NamedGraph.project(store, name: name, &config)
    try catalog.add(graph)
    return NamedGraphInfo(graph)
  }

  /// Projections built so far for this database: read from the store into the projection
  /// cache, derived from a cached one (another direction or aggregation), and projected into the
  /// catalog. Algorithms on a named graph add to none of them.
  package var projectionBuilds: (fromStore: Int, derived: Int, named: Int) {
    (projections.builds, projections.derivations, catalog.projections)
  }

  /// The graphs of the catalog, by name.
  public func graphs() -> [NamedGraphInfo] { catalog.all.map(NamedGraphInfo.init) }

  /// Removes graph `name` from the catalog; throws GraphNotFound when there is none.
  @discardableResult
  public func drop(_ name: String) throws -> NamedGraphInfo { NamedGraphInfo(try catalog.drop(name)) }

  /// Adds `values` (by node id; nodes without one get none) to graph `graph` of the catalog as
  /// node property `property`, for later algorithms (as the procedures' mutate mode).
  public func mutate(graph: String, property: String, values: NodeValues<Double>) throws {
    let g = try catalog.graph(graph)
    try catalog.mutate(graph, property, g.topology.graph.nodeIDs.map { values[$0] ?? .nan })
  }

  /// Node property `property` of graph `graph` of the catalog, by node id.
  public func nodeProperty(graph: String, property: String) throws -> NodeValues<Double> {
    let g = try catalog.graph(graph)
    let values = try g.nodeProperty(property)
    return NodeValues(index: g.topology.nodeIndex, values: values, keeping: { !values[$0].isNaN })
  }
}

extension Database {
  /// Stores `values` as node property `key` in one transaction (the procedures' write mode);
  /// returns how many nodes were written. Nodes deleted since the values were computed are
  /// skipped.
  @discardableResult
  public func writeNodeProperty(_ key: String, _ values: NodeValues<Double>) throws -> Int {
    try writeNodeProperty(key, values.map { ($0.nodeID, Value.float($0.value)) })
  }

  /// Stores integer `values` as node property `key` in one transaction; returns how many nodes
  /// were written.
  @discardableResult
  public func writeNodeProperty(_ key: String, _ values: NodeValues<Int>) throws -> Int {
    try writeNodeProperty(key, values.map { ($0.nodeID, Value.int(Int64($0.value))) })
  }

  /// Creates a relationship of `type` from each pair's `node1` to its `node2` with the
  /// similarity as property `key`, in one transaction (what `algo.knn.write` stores); returns how
  /// many were created (a pair whose node is gone is skipped).
  @discardableResult
  public func writeRelationships(_ type: String, property key: String, _ pairs: [SimilarNodes]) throws -> Int {
    func quoted(_ name: String) -> String { "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`" }
    let rows = Value.list(pairs.map { .list([.int($0.node1), .int($0.node2), .float($0.similarity)]) })
    let r = try execute(
      """
      UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1]
      CREATE (a)-[r:\(quoted(type)) {\(quoted(key)): row[2]}]->(b) RETURN count(r) AS written
      """, parameters: ["rows": rows])
    return Int(r.rows.first?.first?.intValue ?? 0)
  }

  private func writeNodeProperty(_ key: String, _ pairs: [(Int64, Value)]) throws -> Int {
    let rows = Value.list(pairs.map { .map(["id": .int($0.0), "p": .map([key: $0.1])]) })
    let r = try execute(
      "UNWIND $rows AS row MATCH (n) WHERE id(n) = row.id SET n += row.p RETURN count(n) AS written", parameters: ["rows": rows])
    return Int(r.rows.first?.first?.intValue ?? 0)
  }
}
