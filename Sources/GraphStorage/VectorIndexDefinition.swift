// Vector indexes as Neo4j 5 defines them (`CREATE VECTOR INDEX … OPTIONS {indexConfig: …}`): a
// property of nodes with a label (or relationships with a type) holding a list of numbers, the
// number of dimensions those lists have, and the similarity function that scores a match. The
// search is exact (GraphStore+VectorIndexes.swift), so there is nothing to store but this.
import GraphCore

/// How a vector index scores the similarity of two vectors, normalised into [0, 1] as Neo4j does.
package enum VectorSimilarity: String, Sendable, Hashable, CaseIterable {
  case cosine, euclidean

  /// The score of `a` against `b` (same length): `(1 + cos) / 2` for cosine, `1 / (1 + d²)` for
  /// euclidean, d the euclidean distance. Nil for cosine when either vector has length zero.
  package func score(_ a: [Double], _ b: [Double]) -> Double? {
    switch self {
    case .cosine:
      var dot = 0.0, na = 0.0, nb = 0.0
      for i in a.indices {
        dot += a[i] * b[i]
        na += a[i] * a[i]
        nb += b[i] * b[i]
      }
      guard na > 0, nb > 0 else { return nil }
      let cosine = max(-1, min(1, dot / (na.squareRoot() * nb.squareRoot())))
      return (1 + cosine) / 2
    case .euclidean:
      var sum = 0.0
      for i in a.indices {
        let d = a[i] - b[i]
        sum += d * d
      }
      return 1 / (1 + sum)
    }
  }
}

/// A vector index: entities with `label` (or type) whose `property` holds a vector.
package struct VectorIndexDefinition: Sendable, Hashable {
  package var name: String
  package var entity: SchemaEntity
  package var label: String
  package var property: String
  /// The number of dimensions every indexed vector has; nil indexes vectors of any length
  /// (Neo4j 5.23 made the setting optional), and then a query matches those of its own length.
  package var dimensions: Int?
  package var similarity: VectorSimilarity

  package init(name: String, entity: SchemaEntity, label: String, property: String, dimensions: Int?, similarity: VectorSimilarity) {
    self.name = name
    self.entity = entity
    self.label = label
    self.property = property
    self.dimensions = dimensions
    self.similarity = similarity
  }

  /// The largest number of dimensions Neo4j 5 allows.
  package static let maxDimensions = 4096

  /// `value` as the vector this index holds, or nil when it holds none for it: a list of
  /// finite numbers or a VECTOR value of the index's dimensions (Neo4j leaves other values out
  /// of the index rather than refusing the write), not all zero for cosine.
  package func vector(_ value: Value?) -> [Double]? {
    let items: [Value]
    switch value {
    case .list(let list)?: items = list
    case .vector(let vector)?: items = vector.elements
    default: return nil
    }
    guard !items.isEmpty else { return nil }
    if let dimensions, items.count != dimensions { return nil }
    var out: [Double] = []
    out.reserveCapacity(items.count)
    for item in items {
      switch item {
      case .int(let n): out.append(Double(n))
      case .float(let x) where x.isFinite: out.append(x)
      default: return nil
      }
    }
    if similarity == .cosine && out.allSatisfy({ $0 == 0 }) { return nil }
    return out
  }
}
