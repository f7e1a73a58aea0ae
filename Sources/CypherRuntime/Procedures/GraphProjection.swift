// Projects (part of) the store into the compact CSR graph the analytics algorithms run on: one
// pass over the selected nodes' outgoing relationships, filtered by label and type, directed,
// reversed or undirected, optionally weighted by a numeric relationship property. Procedures build
// one per call; `ProjectionCache` keeps them for one unchanging snapshot.
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

/// What to project: node labels, relationship types, direction and weight.
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

  package init(
    labels: [String]? = nil, types: [String]? = nil, direction: ProjectionDirection = .outgoing,
    weightProperty: String? = nil, defaultWeight: Double = 1
  ) {
    self.labels = labels
    self.types = types
    self.direction = direction
    self.weightProperty = weightProperty
    self.defaultWeight = defaultWeight
  }

  /// Reads the projection keys shared by every algorithm: `label`, `relationshipType`,
  /// `direction`, `weightProperty` and `defaultWeight`.
  package init(_ config: inout AlgorithmConfig, direction defaultDirection: ProjectionDirection, weighted: Bool = true) throws {
    labels = try config.strings("label")
    types = try config.strings("relationshipType")
    let d = try config.string("direction", allowed: ["OUTGOING", "INCOMING", "BOTH"])
    direction = d.flatMap(ProjectionDirection.init(rawValue:)) ?? defaultDirection
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
  /// Dense index of each store node id, or -1 when the node is not projected.
  private let indexOfID: [Int32]

  /// The edges found from one slice of the projected nodes.
  private struct Slice {
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var relationships: [Int64] = []
  }

  /// Builds the projection of `store` described by `spec`, reading the nodes' relationships on
  /// all cores.
  /// - Throws: when a weight property holds a non-numeric value.
  /// - Complexity: O(n + m) over the selected nodes and their relationships.
  package init(_ store: GraphStore, _ spec: ProjectionSpec) throws {
    var ids: [Int64]
    if let labels = spec.labels {
      var set = Set<Int64>()
      for l in labels { set.formUnion(store.nodeIDs(withLabel: l)) }
      ids = set.sorted()
    } else {
      ids = store.allNodeIDs()
    }
    var index = [Int32](repeating: -1, count: store.nodeIDLimit)
    for (i, id) in ids.enumerated() { index[Int(id)] = Int32(i) }
    let slices = Parallel.map(ids.count, minimum: 4096) { _, range in
      Result { try GraphProjection.edges(store, spec, ids, index, range) }
    }
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var rels: [Int64] = []
    for slice in slices {
      let part = try slice.get()
      sources += part.sources
      targets += part.targets
      weights += part.weights
      rels += part.relationships
    }
    graph = CSRGraph(
      nodeIDs: ids, sources: sources, targets: targets, weights: spec.weightProperty == nil ? nil : weights,
      directed: spec.direction != .both)
    relationshipIDs = rels
    indexOfID = index
  }

  /// The projected edges leaving the nodes `ids[range]`.
  private static func edges(
    _ store: GraphStore, _ spec: ProjectionSpec, _ ids: [Int64], _ index: [Int32], _ range: Range<Int>
  ) throws -> Slice {
    var out = Slice()
    let typeIDs = store.resolve(types: spec.types)
    let weightKey = spec.weightProperty.flatMap { store.propertyKeyID($0) }
    for i in range {
      for entry in store.adjacent(to: ids[i], direction: .outgoing, typeIDs: typeIDs) {
        let rel = entry.id
        let j = index[Int(entry.neighbour)]
        if j < 0 { continue }
        if let key = spec.weightProperty {
          switch store.relationshipProperty(rel, key: weightKey) ?? nil {
          case nil, .null?: out.weights.append(spec.defaultWeight)
          case .int(let x)?: out.weights.append(Double(x))
          case .float(let x)?: out.weights.append(x)
          case let other?:
            throw QuiverError.runtime(
              .argument, "InvalidArgumentValue",
              "weightProperty '\(key)' must hold numbers, but relationship \(rel) has a \(other.typeName)")
          }
        }
        if spec.direction == .incoming {
          out.sources.append(j)
          out.targets.append(Int32(i))
        } else {
          out.sources.append(Int32(i))
          out.targets.append(j)
        }
        out.relationships.append(rel)
      }
    }
    return out
  }

  /// The dense index of a store node, or an error naming `key` when it is not in the projection.
  package func index(of id: Int64, key: String, _ config: AlgorithmConfig) throws -> Int {
    guard id >= 0, id < indexOfID.count, indexOfID[Int(id)] >= 0 else {
      throw config.invalid(key, "names node \(id), which is not in the projected graph")
    }
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
