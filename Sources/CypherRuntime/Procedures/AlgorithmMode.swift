// The execution modes of the algorithm procedures, one mechanism for all of them: `stream`
// (`algo.pageRank` or `algo.pageRank.stream`: a row per node), `stats` (one summary row),
// `mutate` (the per-node result added as a node property of a named graph, for later algorithms)
// and `write` (stored as a node property in the database through the statement's own writes, so
// that it commits, durably on a durable database, with the statement). Every algorithm whose
// result is one value per node has the four; those whose result is scored node pairs
// (similarities, k-nearest neighbours) stream or write them as relationships; the embeddings
// (FastRP, node2vec) stream, or give stats of their lengths; the others stream only.
import GraphAlgorithms
import GraphCore

/// How an algorithm procedure hands out its result.
package enum AlgorithmMode: String, CaseIterable, Sendable {
  case stream, stats, mutate, write
}

/// An algorithm procedure called in one mode (`algo.louvain.write`).
package struct AlgorithmCall: Sendable {
  package let procedure: AlgorithmProcedure
  package let mode: AlgorithmMode
  /// Whether the name carries the mode (`algo.pageRank.stream` rather than `algo.pageRank`).
  private let suffixed: Bool

  /// The call `name` names (case-insensitively): an algorithm's name alone (stream), or followed
  /// by `.stream`, `.stats`, `.mutate` or `.write` when the algorithm has modes (`.stream` or
  /// `.write` when it writes relationships).
  package init?(name: String) {
    if let p = AlgorithmProcedure(name: name) {
      (procedure, mode, suffixed) = (p, .stream, false)
      return
    }
    guard let dot = name.lastIndex(of: "."), let m = AlgorithmMode(rawValue: name[name.index(after: dot)...].lowercased()),
      let p = AlgorithmProcedure(name: String(name[..<dot])), p.modes.contains(m)
    else { return nil }
    (procedure, mode, suffixed) = (p, m, true)
  }

  /// `procedure` in `mode`, named with the mode's suffix when `suffixed`.
  package init(_ procedure: AlgorithmProcedure, _ mode: AlgorithmMode, suffixed: Bool = true) {
    (self.procedure, self.mode, self.suffixed) = (procedure, mode, suffixed || mode != .stream)
  }

  /// The procedure's name in this mode.
  package var name: String { suffixed ? "\(procedure.rawValue).\(mode.rawValue)" : procedure.rawValue }

  /// Every call there is: each algorithm plainly, and in every mode when it has modes.
  package static var all: [AlgorithmCall] {
    AlgorithmProcedure.allCases.flatMap { p in
      [AlgorithmCall(p, .stream, suffixed: false)] + p.modes.map { AlgorithmCall(p, $0) }
    }
  }

  /// Output columns in order.
  var outputs: [(String, String)] {
    switch mode {
    case .stream: return procedure.outputs
    case .stats:
      return [
        ("nodeCount", "INTEGER?"), ("distribution", "MAP?"), ("communityCount", "INTEGER?"), ("modularity", "FLOAT?"),
        ("computeMillis", "INTEGER?"),
      ]
    case .mutate: return [("nodePropertiesWritten", "INTEGER?"), ("mutateMillis", "INTEGER?"), ("computeMillis", "INTEGER?")]
    case .write where procedure.writesRelationships:
      return [("relationshipsWritten", "INTEGER?"), ("writeMillis", "INTEGER?"), ("computeMillis", "INTEGER?")]
    case .write: return [("nodePropertiesWritten", "INTEGER?"), ("writeMillis", "INTEGER?"), ("computeMillis", "INTEGER?")]
    }
  }

  /// The signature the planner checks calls against and `dbms.procedures()` lists; a write
  /// makes the calling statement an updating one.
  package var signature: Procedure {
    var p = Procedure(
      name: name, parameters: [ProcedureField("config", CypherType("MAP?"))],
      outputs: outputs.map { ProcedureField($0.0, CypherType($0.1)) }, body: { _ in [] })
    p.writes = mode == .write
    return p
  }

  /// Runs the call in the statement's context and returns rows aligned with `outputs`.
  func run(_ ctx: ExecutionContext, _ arguments: [Value]) throws -> [[Value]] {
    var config = try AlgorithmConfig(procedure: name, arguments: arguments)
    let property: String? =
      switch mode {
      case .stream, .stats: nil
      case .mutate: try config.requiredString("mutateProperty")
      case .write: try config.requiredString("writeProperty")
      }
    let relationshipType = mode == .write && procedure.writesRelationships ? try config.requiredString("writeRelationshipType") : nil
    let graphName = config.peekString("graph")
    if mode == .mutate && graphName == nil { throw config.invalid("graph", "is required in mutate mode (the named graph to add the property to)") }
    let analytics = Analytics(store: ctx.store, cache: ctx.procedures.projections, catalog: ctx.procedures.graphs, cancellation: ctx.cancellation)
    let clock = ContinuousClock()
    let start = clock.now
    let output = try procedure.evaluate(analytics, &config)
    let computed = clock.now
    guard mode != .stream else { return output.rows }
    if let relationshipType, case .pairs(let p, let pairs) = output {
      let written = try Self.writeRelationships(pairs, of: p, type: relationshipType, property: property ?? "", ctx)
      return [[.int(Int64(written)), .int(Self.millis(clock.now - computed)), .int(Self.millis(computed - start))]]
    }
    guard let result = output.nodeResult else {
      preconditionFailure("unreachable: only algorithms with one value per node have modes")
    }
    let computeMillis = Value.int(Self.millis(computed - start))
    switch mode {
    case .stream: return output.rows
    case .stats: return [result.statsRow + [computeMillis]]
    case .mutate:
      try ctx.procedures.graphs.mutate(graphName ?? "", property ?? "", result.values)
      let written = result.values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
      return [[.int(Int64(written)), .int(Self.millis(clock.now - computed)), computeMillis]]
    case .write:
      let written = try result.write(property ?? "", ctx)
      return [[.int(Int64(written)), .int(Self.millis(clock.now - computed)), computeMillis]]
    }
  }

  /// Creates a relationship of `type` from each pair's first node to its second with the
  /// similarity as `property`, through the statement's writes (so in its transaction); a node
  /// deleted since a named graph was projected is skipped. Returns how many were created.
  static func writeRelationships(
    _ pairs: [SimilarPair], of p: GraphProjection, type: String, property: String, _ ctx: ExecutionContext
  ) throws -> Int {
    var written = 0
    for pair in pairs {
      let (a, b) = (p.graph.nodeIDs[pair.first], p.graph.nodeIDs[pair.second])
      guard ctx.store.nodeExists(a), ctx.store.nodeExists(b) else { continue }
      _ = try ctx.createRelationship(type: InternedName(type, id: nil), from: a, to: b, properties: [property: .float(pair.similarity)])
      written += 1
    }
    return written
  }

  /// Whole milliseconds of `d`.
  static func millis(_ d: Duration) -> Int64 {
    d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
  }
}

/// An algorithm's result as one number per projected node (NaN where it has none, as a node a
/// traversal did not reach), what the stats, mutate and write modes work from.
struct NodeResult {
  let projection: GraphProjection
  let values: [Double]
  /// Whether the values are integers (component ids, counts, depths), written as integers.
  let integral: Bool
  /// Whether the values name parts (components, communities, cores), counted in stats.
  var partition = false
  /// The modularity of a community result.
  var modularity: Double?

  /// The stats row without its time: node count, distribution, community count, modularity.
  var statsRow: [Value] {
    let present = values.filter { !$0.isNaN }.sorted()
    var distribution: [String: Value] = [:]
    if let first = present.first, let last = present.last {
      distribution["min"] = .float(first)
      distribution["max"] = .float(last)
      distribution["mean"] = .float(present.reduce(0, +) / Double(present.count))
      for (key, q) in [("p50", 0.5), ("p75", 0.75), ("p90", 0.9), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999)] {
        distribution[key] = .float(present[min(present.count - 1, Int((q * Double(present.count)).rounded(.up)) - 1)])
      }
    }
    let communities: Value = partition ? .int(Int64(Set(present).count)) : .null
    return [.int(Int64(values.count)), .map(distribution), communities, modularity.map(Value.float) ?? .null]
  }

  /// Stores the values as node property `key` through the statement's writes (a node deleted
  /// since a named graph was projected is skipped); returns how many were written.
  func write(_ key: String, _ ctx: ExecutionContext) throws -> Int {
    var written = 0
    for (i, x) in values.enumerated() where !x.isNaN {
      let id = projection.graph.nodeIDs[i]
      guard ctx.store.nodeExists(id) else { continue }
      try ctx.setProperty(.node(Node(id: id)), key, integral ? .int(Int64(x)) : .float(x))
      written += 1
    }
    return written
  }
}

extension AlgorithmOutput {
  /// The result as one number per node, for the algorithms that have modes.
  var nodeResult: NodeResult? {
    switch self {
    case .scores(let p, let s): return NodeResult(projection: p, values: s, integral: false)
    case .numbers(let p, let n): return NodeResult(projection: p, values: n.map(Double.init), integral: true, partition: true)
    case .communities(let p, let c, let q):
      return NodeResult(projection: p, values: c.map(Double.init), integral: true, partition: true, modularity: q)
    case .triangles(let p, let t, _): return NodeResult(projection: p, values: t.map(Double.init), integral: true)
    case .visits(let p, let v):
      var values = [Double](repeating: .nan, count: p.graph.nodeCount)
      for visit in v { values[visit.node] = Double(visit.depth) }
      return NodeResult(projection: p, values: values, integral: true)
    case .costs(let p, let d, _):
      return NodeResult(projection: p, values: d.map { $0 < .infinity ? $0 : .nan }, integral: false)
    case .embeddings(let p, let e):
      // The stats of embeddings describe their lengths (Euclidean norms).
      return NodeResult(projection: p, values: e.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }, integral: false)
    case .hubsAndAuthorities, .pairs, .rows: return nil
    }
  }
}
