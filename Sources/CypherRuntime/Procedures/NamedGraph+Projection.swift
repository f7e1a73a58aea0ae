// Building a named graph for the catalog: natively, by node labels and relationship types (one
// projection per projected relationship property, the store read with the algorithms' own
// projection), or from the rows of a node query and a relationship query (the Cypher form).
import GraphAlgorithms
import GraphCore
import GraphStorage

extension NamedGraph {
  /// The orientation and aggregation keys both forms take.
  private static func shape(_ config: inout AlgorithmConfig) throws -> (ProjectionDirection, ProjectionAggregation) {
    let o = try config.string("orientation", allowed: ["NATURAL", "REVERSE", "UNDIRECTED"])
    let a = try config.string("aggregation", allowed: ProjectionAggregation.allCases.map(\.rawValue))
    return (o.flatMap(ProjectionDirection.init(gdsName:)) ?? .outgoing, a.flatMap(ProjectionAggregation.init(rawValue:)) ?? .none)
  }

  private static func checkName(_ name: String, _ config: AlgorithmConfig) throws {
    if name.isEmpty { throw config.invalid("graphName", "must be a non-empty string") }
  }

  /// A native projection of `store` read from the configuration map: `nodeLabels` and
  /// `relationshipTypes` (all when absent or '*'), `orientation`, `aggregation`, numeric
  /// `nodeProperties` and `relationshipProperties`, and `defaultWeight` for relationships
  /// lacking a projected property.
  /// - Complexity: O(n + m) per projected relationship property, plus one for the topology.
  package static func project(_ store: GraphStore, name: String, _ config: inout AlgorithmConfig) throws -> NamedGraph {
    let labels = try config.strings("nodeLabels").flatMap { $0 == ["*"] ? nil : $0 }
    let types = try config.strings("relationshipTypes").flatMap { $0 == ["*"] ? nil : $0 }
    let (orientation, aggregation) = try shape(&config)
    let nodeKeys = try config.strings("nodeProperties") ?? []
    let relationshipKeys = try config.strings("relationshipProperties") ?? []
    let defaultWeight = try config.double("defaultWeight", default: 1)
    try config.finish()
    try checkName(name, config)
    let base = ProjectionSpec(labels: labels, types: types, direction: orientation, aggregation: aggregation)
    let topology = try GraphProjection(store, base)
    var weighted: [String: GraphProjection] = [:]
    for key in relationshipKeys {
      var spec = base
      spec.weightProperty = key
      spec.defaultWeight = defaultWeight
      weighted[key] = try GraphProjection(store, spec)
    }
    var properties: [String: [Double]] = [:]
    for key in nodeKeys {
      let id = store.propertyKeyID(key)
      properties[key] = try topology.graph.nodeIDs.map { node in
        try number(store.nodeProperty(node, key: id) ?? nil, key, config)
      }
    }
    return NamedGraph(
      name: name, version: store.stamp, orientation: orientation, aggregation: aggregation, topology: topology,
      weighted: weighted, nodeProperties: properties)
  }

  /// A projection from query rows: the node query yields `id` (a node or node id) and numeric
  /// node properties in its other columns; the relationship query yields `source` and `target`
  /// and numeric relationship properties in its other columns. Relationships must join nodes of
  /// the node query; a node listed twice keeps its first row.
  /// - Complexity: O(n + m) per relationship property.
  package static func project(
    _ store: GraphStore, name: String, nodes: (columns: [String], rows: [[Value]]),
    relationships: (columns: [String], rows: [[Value]]), _ config: inout AlgorithmConfig
  ) throws -> NamedGraph {
    let (orientation, aggregation) = try shape(&config)
    try config.finish()
    try checkName(name, config)
    guard let idColumn = nodes.columns.firstIndex(of: "id") else {
      throw config.invalid("nodeQuery", "must return a column `id` (a node or its id), got \(nodes.columns)")
    }
    guard let s = relationships.columns.firstIndex(of: "source"), let t = relationships.columns.firstIndex(of: "target") else {
      throw config.invalid("relationshipQuery", "must return columns `source` and `target`, got \(relationships.columns)")
    }
    var ids: [Int64] = []
    var rowOfNode: [Int] = []
    var position: [Int64: Int32] = [:]
    for (r, row) in nodes.rows.enumerated() {
      let id = try nodeID(row[idColumn], "nodeQuery", store, config)
      if position[id] == nil {
        position[id] = Int32(ids.count)
        ids.append(id)
        rowOfNode.append(r)
      }
    }
    var properties: [String: [Double]] = [:]
    for (c, key) in nodes.columns.enumerated() where c != idColumn {
      properties[key] = try rowOfNode.map { try number(nodes.rows[$0][c], key, config) }
    }
    var sources: [Int32] = []
    var targets: [Int32] = []
    for row in relationships.rows {
      for (column, list) in [(s, 0), (t, 1)] {
        let id = try nodeID(row[column], "relationshipQuery", store, config)
        guard let i = position[id] else {
          throw config.invalid("relationshipQuery", "joins node \(id), which the node query did not return")
        }
        if list == 0 { sources.append(i) } else { targets.append(i) }
      }
    }
    var index = [Int32](repeating: -1, count: Int((ids.max() ?? -1) + 1))
    for (i, id) in ids.enumerated() { index[Int(id)] = Int32(i) }
    let relationshipIDs = [Int64](repeating: -1, count: sources.count)
    func projection(_ weights: [Double]?) -> GraphProjection {
      let g = CSRGraph(nodeIDs: ids, sources: sources, targets: targets, weights: weights, directed: true)
      return GraphProjection(graph: g, relationshipIDs: relationshipIDs, indexOfID: index).shaped(orientation, aggregation)
    }
    var weighted: [String: GraphProjection] = [:]
    for (c, key) in relationships.columns.enumerated() where c != s && c != t {
      let weights = try relationships.rows.map { try number($0[c], key, config) }
      if weights.contains(where: \.isNaN) {
        throw config.invalid("relationshipQuery", "returns a null in column `\(key)`; relationship properties must be numbers")
      }
      weighted[key] = projection(weights)
    }
    return NamedGraph(
      name: name, version: store.stamp, orientation: orientation, aggregation: aggregation, topology: projection(nil),
      weighted: weighted, nodeProperties: properties)
  }

  /// A node value or the id of a node of `store` as a node id.
  private static func nodeID(_ v: Value, _ key: String, _ store: GraphStore, _ config: AlgorithmConfig) throws -> Int64 {
    switch v {
    case .node(let n): return n.id
    case .int(let i) where store.nodeExists(i): return i
    case .int(let i): throw config.invalid(key, "returns \(i), which is not the id of a node")
    default: throw config.invalid(key, "must return nodes or node ids, got \(v.typeName)")
    }
  }

  /// A property value as a number (NaN when absent or null).
  private static func number(_ v: Value?, _ key: String, _ config: AlgorithmConfig) throws -> Double {
    guard let v, !v.isNull else { return .nan }
    guard let x = v.doubleValue else { throw config.invalid(key, "must hold numbers to be projected, got \(v.typeName)") }
    return x
  }
}
