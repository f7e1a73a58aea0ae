// Projects (part of) the store into the compact CSR graph the analytics algorithms run on: one
// pass over the selected nodes' outgoing relationships, filtered by label and type, optionally
// weighted by a numeric relationship property, gives the rows of the directed graph; the reversed
// and undirected projections are derived from those rows. Procedures build one per call;
// `ProjectionCache` keeps them for one unchanging snapshot.
import GraphAlgorithms
import GraphCore
import GraphStorage

/// How a projection treats relationship direction.
package enum ProjectionDirection: String, Sendable, Hashable {
  /// As stored.
  case outgoing = "OUTGOING"
  /// Every relationship reversed.
  case incoming = "INCOMING"
  /// Undirected: each relationship usable both ways.
  case both = "BOTH"
}

/// What to project: node labels, relationship types, direction, weight and how parallel
/// relationships merge; or the name of a graph in the catalog to run on instead.
package struct ProjectionSpec: Sendable, Hashable {
  /// Nodes carrying any of these labels (all nodes when nil).
  package var labels: [String]?
  /// Relationships of any of these types (all when nil).
  package var types: [String]?
  package var direction: ProjectionDirection
  /// Relationship property holding the weight, or nil for an unweighted graph.
  package var weightProperty: String?
  /// Weight of a relationship that lacks the property.
  package var defaultWeight: Double
  /// How relationships between the same two nodes (in the projected direction) merge.
  package var aggregation: ProjectionAggregation
  /// A graph of the catalog to run on; the other keys but `weightProperty` are then unused.
  package var graphName: String?

  package init(
    labels: [String]? = nil, types: [String]? = nil, direction: ProjectionDirection = .outgoing,
    weightProperty: String? = nil, defaultWeight: Double = 1, aggregation: ProjectionAggregation = .none,
    graphName: String? = nil
  ) {
    self.labels = labels
    self.types = types
    self.direction = direction
    self.weightProperty = weightProperty
    self.defaultWeight = defaultWeight
    self.aggregation = aggregation
    self.graphName = graphName
  }

  /// Reads the projection keys shared by every algorithm: `graph` (a named graph of the
  /// catalog), or an inline projection by `label`, `relationshipType`, `direction`,
  /// `aggregation`, `weightProperty` and `defaultWeight`.
  package init(_ config: inout AlgorithmConfig, direction defaultDirection: ProjectionDirection, weighted: Bool = true) throws {
    graphName = try config.string("graph")
    if graphName != nil {
      for key in ["label", "relationshipType", "direction", "aggregation", "defaultWeight"] where config.has(key) {
        throw config.invalid(key, "cannot be combined with 'graph' (the named graph fixes it)")
      }
    }
    labels = try config.strings("label")
    types = try config.strings("relationshipType")
    let d = try config.string("direction", allowed: ["OUTGOING", "INCOMING", "BOTH"])
    direction = d.flatMap(ProjectionDirection.init(rawValue:)) ?? defaultDirection
    let a = try config.string("aggregation", allowed: ProjectionAggregation.allCases.map(\.rawValue))
    aggregation = a.flatMap(ProjectionAggregation.init(rawValue:)) ?? .none
    if weighted {
      weightProperty = try config.string("weightProperty")
      defaultWeight = try config.double("defaultWeight", default: 1)
    } else {
      weightProperty = nil
      defaultWeight = 1
    }
  }
}

/// A CSR graph over the store together with what is needed to map results back.
package struct GraphProjection: Sendable {
  package let graph: CSRGraph
  /// Relationship id of each edge (indexed by `CSRGraph.outEdgeIndices`).
  package let relationshipIDs: [Int64]
  /// Dense index of each store node id below `nodeIDLimit`, or -1 when the node is not projected.
  package let indexOfID: [Int32]

  /// The rows read from one slice of the projected nodes, in node order.
  private struct Slice {
    /// Where each node's row ends in `targets` (the row of the slice's first node starts at 0).
    var ends: [Int] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var relationships: [Int64] = []
  }

  /// Builds the projection of `store` described by `spec`, reading the nodes' relationships on
  /// all cores; a reversed, undirected or aggregated projection is derived from the outgoing one.
  /// - Throws: when a weight property holds a non-numeric value.
  /// - Complexity: O(n + m) over the selected nodes and their relationships.
  package init(_ store: GraphStore, _ spec: ProjectionSpec) throws {
    guard spec.direction == .outgoing, spec.aggregation == .none else {
      self = try GraphProjection(store, spec.raw).shaped(spec.direction, spec.aggregation)
      return
    }
    let ids = GraphProjection.nodeIDs(store, labels: spec.labels)
    var index = [Int32](repeating: -1, count: store.nodeIDLimit)
    for (i, id) in ids.enumerated() { index[Int(id)] = Int32(i) }
    let projected = spec.types.map { $0.reduce(0) { $0 + store.count(ofType: $1) } } ?? store.relationshipCount
    let weights = spec.weightProperty.map { WeightColumn(store, property: $0, projected: projected) }
    let slices = try Parallel.map(ids.count, minimum: 4096) { _, range in
      Result { try GraphProjection.edges(store, spec, weights, ids, index, range) }
    }.map { try $0.get() }
    let m = slices.reduce(0) { $0 + $1.targets.count }
    var offsets = ContiguousArray<Int>()
    var targets = ContiguousArray<Int32>()
    var edgeWeights = ContiguousArray<Double>()
    var rels: [Int64] = []
    offsets.reserveCapacity(ids.count + 1)
    targets.reserveCapacity(m)
    rels.reserveCapacity(m)
    if spec.weightProperty != nil { edgeWeights.reserveCapacity(m) }
    offsets.append(0)
    for part in slices {
      let base = targets.count
      for end in part.ends { offsets.append(base + end) }
      targets += part.targets
      edgeWeights += part.weights
      rels += part.relationships
    }
    let rows = EdgeRows(offsets: offsets, targets: targets, weights: spec.weightProperty == nil ? nil : edgeWeights)
    self.init(
      graph: CSRGraph(nodeIDs: ContiguousArray(ids), rows: rows, orientation: .forward), relationshipIDs: rels, indexOfID: index)
  }

  init(graph: CSRGraph, relationshipIDs: [Int64], indexOfID: [Int32]) {
    self.graph = graph
    self.relationshipIDs = relationshipIDs
    self.indexOfID = indexOfID
  }

  /// The projection of the same nodes and relationships as the outgoing projection `outgoing`,
  /// in `direction`: its rows reversed or merged into undirected ones, its other arrays shared.
  /// - Complexity: O(1) for `.outgoing` and `.incoming`, O(n + m) for `.both`.
  package init(_ direction: ProjectionDirection, of outgoing: GraphProjection) {
    let graph: CSRGraph
    switch direction {
    case .outgoing: graph = outgoing.graph
    case .incoming: graph = outgoing.graph.reversed()
    case .both: graph = outgoing.graph.undirected()
    }
    self.init(graph: graph, relationshipIDs: outgoing.relationshipIDs, indexOfID: outgoing.indexOfID)
  }

  /// This outgoing projection seen in `direction`, its parallel relationships merged by
  /// `aggregation`.
  package func shaped(_ direction: ProjectionDirection, _ aggregation: ProjectionAggregation) -> GraphProjection {
    GraphProjection(direction, of: self).aggregated(aggregation)
  }

  /// Ids of the live nodes carrying any of `labels` (all live nodes when nil), ascending and
  /// without repeats: one label's index is already in order; several are marked in a table by id
  /// and read back in order.
  private static func nodeIDs(_ store: GraphStore, labels: [String]?) -> [Int64] {
    guard let labels else { return store.allNodeIDs() }
    let distinct = Array(Set(labels))
    if distinct.count == 1 { return store.nodeIDs(withLabel: distinct[0]) }
    var marked = [Bool](repeating: false, count: store.nodeIDLimit)
    for label in distinct {
      for id in store.nodeIDs(withLabel: label) { marked[Int(id)] = true }
    }
    var ids: [Int64] = []
    for (id, isMarked) in marked.enumerated() where isMarked { ids.append(Int64(id)) }
    return ids
  }

  /// The projected edges leaving the nodes `ids[range]`.
  private static func edges(
    _ store: GraphStore, _ spec: ProjectionSpec, _ weights: WeightColumn?, _ ids: [Int64], _ index: [Int32],
    _ range: Range<Int>
  ) throws -> Slice {
    var out = Slice()
    let typeIDs = store.resolve(types: spec.types)
    // Room for this slice's share of the relationships, so the arrays do not grow step by step.
    let expected = store.relationshipCount / max(1, store.nodeCount) * range.count + range.count
    out.ends.reserveCapacity(range.count)
    out.targets.reserveCapacity(expected)
    out.relationships.reserveCapacity(expected)
    if weights != nil { out.weights.reserveCapacity(expected) }
    for i in range {
      let entries = store.adjacentEntries(to: ids[i], direction: .outgoing, typeIDs: typeIDs)
      for k in entries.startIndex..<entries.endIndex {
        let entry = entries.entry(k)
        let rel = entry.id
        let j = index[Int(entry.neighbour)]
        if j < 0 { continue }
        if let weights { out.weights.append(try weights.weight(of: rel, default: spec.defaultWeight, store)) }
        out.targets.append(j)
        out.relationships.append(rel)
      }
      out.ends.append(out.targets.count)
    }
    return out
  }

  /// The dense index of a store node, or nil when it is not in the projection.
  package func index(of id: Int64) -> Int? {
    guard id >= 0, id < indexOfID.count, indexOfID[Int(id)] >= 0 else { return nil }
    return Int(indexOfID[Int(id)])
  }
  /// The node value for dense index `i`.
  package func node(_ i: Int) -> Value { .node(Node(id: graph.nodeIDs[i])) }

  /// The relationship id behind forward edge slot `e`.
  package func relationshipID(slot e: Int) -> Int64 { relationshipIDs[Int(graph.outEdgeIndices[e])] }

  /// A path value along `path`'s nodes and edges.
  package func pathValue(_ path: IndexPath) -> Value {
    .path(
      Path(
        nodes: path.nodes.map { Node(id: graph.nodeIDs[$0]) },
        relationships: path.edges.map { Relationship(id: $0 >= 0 ? relationshipID(slot: $0) : -1) }))
  }
}
