// The graph catalog: projections kept under a name until dropped, so that many algorithms run on
// one projection (`algo.graph.project`, then `graph: 'name'`). A named graph is a snapshot of the
// database version it was projected from; later writes do not change it. Each database has one
// catalog, shared by its procedures and `db.algorithms`; it is safe to use from any thread.
import GraphAlgorithms
import GraphCore
import GraphStorage
import Synchronization

/// A projection kept in the catalog, with its numeric node properties.
package struct NamedGraph: Sendable {
  package let name: String
  /// The stamp of the store version it was projected from (`GraphStore.stamp`).
  package let version: UInt64
  package let orientation: ProjectionDirection
  package let aggregation: ProjectionAggregation
  /// The projection without relationship properties (weighted by the count under COUNT).
  package let topology: GraphProjection
  /// The same projection weighted by each projected relationship property.
  package let weighted: [String: GraphProjection]
  /// Numeric node properties by dense node index (NaN where a node has none): those projected
  /// and those added by algorithms in mutate mode.
  package private(set) var nodeProperties: [String: [Double]]

  package init(
    name: String, version: UInt64, orientation: ProjectionDirection, aggregation: ProjectionAggregation,
    topology: GraphProjection, weighted: [String: GraphProjection], nodeProperties: [String: [Double]]
  ) {
    self.name = name
    self.version = version
    self.orientation = orientation
    self.aggregation = aggregation
    self.topology = topology
    self.weighted = weighted
    self.nodeProperties = nodeProperties
  }

  package var nodeCount: Int { topology.graph.nodeCount }
  /// Projected relationships; an undirected graph counts each one in both directions (as GDS).
  package var relationshipCount: Int { topology.graph.edgeCount }

  /// Bytes held by the graph's arrays (all its projections and node properties).
  package var memoryBytes: Int {
    let properties = nodeProperties.values.reduce(0) { $0 + $1.count * 8 }
    return weighted.values.reduce(topology.memoryBytes) { $0 + $1.memoryBytes } + properties
  }

  /// The projection to run on: unweighted, or weighted by relationship property `weight`, which
  /// must have been projected.
  func projection(weight: String?, _ check: OptionCheck) throws -> GraphProjection {
    guard let weight else { return topology }
    guard let p = weighted[weight] else {
      let known = weighted.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
      throw check.invalid(
        "weightProperty", "names '\(weight)', which graph '\(name)' did not project (its relationship properties: \(known.isEmpty ? "none" : known))")
    }
    return p
  }

  /// The node property `key` by dense node index.
  package func nodeProperty(_ key: String) throws -> [Double] {
    guard let values = nodeProperties[key] else {
      let known = nodeProperties.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "graph '\(name)' has no node property '\(key)' (its node properties: \(known.isEmpty ? "none" : known))")
    }
    return values
  }

  /// This graph with node property `key` set to `values` (by dense node index).
  func adding(_ key: String, _ values: [Double]) -> NamedGraph {
    var copy = self
    copy.nodeProperties[key] = values
    return copy
  }

  /// The row `algo.graph.list` yields for this graph.
  var listing: [Value] {
    [
      .string(name), .int(Int64(nodeCount)), .int(Int64(relationshipCount)), .int(Int64(truncatingIfNeeded: version)),
      .int(Int64(memoryBytes)), .string(orientation.gdsName), .string(aggregation.rawValue),
      .list(nodeProperties.keys.sorted().map { .string($0) }), .list(weighted.keys.sorted().map { .string($0) }),
    ]
  }
}

extension ProjectionDirection {
  /// GDS's name of the orientation: NATURAL, REVERSE or UNDIRECTED.
  package var gdsName: String {
    switch self {
    case .outgoing: "NATURAL"
    case .incoming: "REVERSE"
    case .both: "UNDIRECTED"
    }
  }

  /// The direction GDS calls `name` (NATURAL, REVERSE, UNDIRECTED).
  package init?(gdsName name: String) {
    switch name.uppercased() {
    case "NATURAL": self = .outgoing
    case "REVERSE": self = .incoming
    case "UNDIRECTED": self = .both
    default: return nil
    }
  }
}

/// The named graphs of one database.
package final class GraphCatalog: Sendable {
  private let graphs = Locked<[String: NamedGraph]>([:])
  private let added = Atomic<Int>(0)

  package init() {}

  /// Adds `graph`; throws GraphAlreadyExists when its name is taken.
  package func add(_ graph: NamedGraph) throws {
    try graphs.withLock { graphs in
      guard graphs[graph.name] == nil else { throw GraphCatalog.exists(graph.name) }
      graphs[graph.name] = graph
    }
    added.add(1, ordering: .relaxed)
  }

  /// Graphs projected into the catalog since it was made (each built once, when projected;
  /// algorithms on a named graph build none); for tests and the benchmark of shared projections.
  package var projections: Int { added.load(ordering: .relaxed) }

  /// The graph called `name`; throws GraphNotFound when there is none.
  package func graph(_ name: String) throws -> NamedGraph {
    guard let g = graphs.withLock({ $0[name] }) else { throw GraphCatalog.notFound(name) }
    return g
  }

  /// Removes and returns the graph called `name`; throws GraphNotFound when there is none.
  @discardableResult
  package func drop(_ name: String) throws -> NamedGraph {
    guard let g = graphs.withLock({ $0.removeValue(forKey: name) }) else { throw GraphCatalog.notFound(name) }
    return g
  }

  /// Sets node property `key` of graph `name` to `values` (by dense node index); the change is
  /// made under the lock, so concurrent mutations of one graph both land.
  package func mutate(_ name: String, _ key: String, _ values: [Double]) throws {
    try graphs.withLock { graphs in
      guard let g = graphs[name] else { throw GraphCatalog.notFound(name) }
      graphs[name] = g.adding(key, values)
    }
  }

  /// Every graph, by name.
  package var all: [NamedGraph] { graphs.withLock { $0.values.sorted { $0.name < $1.name } } }

  private static func notFound(_ name: String) -> QuiverError {
    QuiverError.runtime(.argument, .graphNotFound, "there is no graph called '\(name)' in the graph catalog; project it with algo.graph.project")
  }

  private static func exists(_ name: String) -> QuiverError {
    QuiverError.runtime(.argument, .graphAlreadyExists, "the graph catalog already holds a graph called '\(name)'; drop it first with algo.graph.drop")
  }
}

extension GraphProjection {
  /// Bytes held by the projection's arrays (rows shared by both directions counted once).
  package var memoryBytes: Int {
    let g = graph
    var bytes = g.outOffsets.count * 8 + g.outTargets.count * 4 + (g.outWeights?.count ?? 0) * 8 + g.outEdgeIndices.count * 4
    if g.isDirected {
      bytes += g.inOffsets.count * 8 + g.inTargets.count * 4 + (g.inWeights?.count ?? 0) * 8 + g.inEdgeIndices.count * 4
    }
    return bytes + g.nodeIDs.count * 8 + relationshipIDs.count * 8 + indexOfID.count * 4
  }
}
