// Vector indexes of the store: creating and dropping their definitions (logged like every schema
// change) and the exact nearest-neighbour search `db.index.vector.queryNodes` runs. The search
// reads the property of every entity with the label, so writes need not maintain anything.
import GraphCore

extension GraphStore {
  /// The vector indexes by name.
  var vectorIndexes: [String: VectorIndexDefinition] {
    _read { yield tables.vectorIndexes }
    _modify {
      makeUnique()
      yield &tables.vectorIndexes
    }
  }

  /// All vector index definitions, sorted by name.
  package var vectorIndexDefinitions: [VectorIndexDefinition] { vectorIndexes.values.sorted { $0.name < $1.name } }

  /// The vector index called `name`, if there is one.
  package func vectorIndex(_ name: String) -> VectorIndexDefinition? { vectorIndexes[name] }

  /// Creates a vector index and logs the change.
  /// - Throws: `IndexAlreadyExists` when an index or constraint has the name, or a vector index
  ///   is on the same property of the same label.
  package mutating func createVectorIndex(_ def: VectorIndexDefinition) throws {
    if schemaNameTaken(def.name) {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "an index or constraint named `\(def.name)` already exists")
    }
    if let same = vectorIndexes.values.first(where: { $0.entity == def.entity && $0.label == def.label && $0.property == def.property }) {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "vector index `\(same.name)` already covers the same property")
    }
    vectorIndexes[def.name] = def
    schemaVersion += 1
    changeLog?.append(.createVectorIndex(def))
  }

  /// Drops a vector index and logs the change; returns false when there is none of that name.
  @discardableResult
  package mutating func dropVectorIndex(_ name: String) -> Bool {
    guard vectorIndexes.removeValue(forKey: name) != nil else { return false }
    schemaVersion += 1
    changeLog?.append(.dropVectorIndex(name))
    return true
  }

  /// The ids of the entities `def` covers, in id order, with their vectors.
  private func vectors(_ def: VectorIndexDefinition) -> [(Int64, [Double])] {
    switch def.entity {
    case .node:
      return nodeIDs(withLabel: def.label).compactMap { id in def.vector(nodeProperty(id, def.property) ?? nil).map { (id, $0) } }
    case .relationship:
      return allRelationshipIDs().compactMap { id in
        guard type(of: id) == def.label else { return nil }
        return def.vector(relationshipProperty(id, def.property) ?? nil).map { (id, $0) }
      }
    }
  }

  /// How many entities the index holds a vector for.
  package func vectorIndexSize(_ name: String) -> Int {
    vectorIndexes[name].map { vectors($0).count } ?? 0
  }

  /// The `k` entities of index `name` most similar to `query`, best first (equal scores by id),
  /// with their scores. Exact: every indexed vector is scored.
  /// - Throws: `IndexNotFound` for an unknown name; `InvalidArgumentValue` for `k` below one, or
  ///   a query that is not a vector of the index's dimensions (or is all zeros for cosine).
  /// - Complexity: O(n·d + n log n) for n indexed vectors of d dimensions.
  package func vectorSearch(_ name: String, k: Int, query: Value) throws -> [(id: Int64, score: Double)] {
    guard let def = vectorIndexes[name] else {
      throw QuiverError.runtime(.procedure, .indexNotFound, "there is no vector index named `\(name)`")
    }
    guard k > 0 else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "the number of nearest neighbours must be positive, got \(k)")
    }
    let queryDefinition = VectorIndexDefinition(
      name: name, entity: def.entity, label: def.label, property: def.property, dimensions: nil, similarity: def.similarity)
    guard let vector = queryDefinition.vector(query) else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "the query vector must be a non-empty list of finite numbers\(def.similarity == .cosine ? ", not all zero" : ""), got \(query.cypherText)")
    }
    if let dimensions = def.dimensions, vector.count != dimensions {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "the query vector has \(vector.count) dimensions, but index `\(name)` holds vectors of \(dimensions)")
    }
    var scored: [(id: Int64, score: Double)] = []
    for (id, v) in vectors(def) where v.count == vector.count {
      if let s = def.similarity.score(vector, v) { scored.append((id, s)) }
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    return Array(scored.prefix(k))
  }
}
