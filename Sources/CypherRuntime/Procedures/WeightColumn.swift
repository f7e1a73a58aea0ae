// The weights of a projection, read from the store in one sequential pass.
import GraphAlgorithms
import GraphCore
import GraphStorage

/// One relationship property as numbers, read for every relationship in id order: a sequential
/// pass over the table, where reading it per projected edge (in adjacency order) would jump
/// between records and miss the cache for nearly every one.
struct WeightColumn: Sendable {
  /// What a relationship holds under the property.
  enum Kind: UInt8 { case absent, number, other }

  let property: String
  private var values: [Double] = []
  private var kinds: [Kind] = []

  init(_ store: GraphStore, property: String) {
    self.property = property
    let key = store.propertyKeyID(property)
    let count = store.relationshipIDLimit
    let parts = Parallel.map(count, minimum: 65_536) { _, range in
      var values = [Double](repeating: 0, count: range.count)
      var kinds = [Kind](repeating: .absent, count: range.count)
      if key != nil {
        for id in range {
          switch store.relationshipProperty(Int64(id), key: key) ?? nil {
          case nil, .null?: break
          case .int(let x)?:
            values[id - range.lowerBound] = Double(x)
            kinds[id - range.lowerBound] = .number
          case .float(let x)?:
            values[id - range.lowerBound] = x
            kinds[id - range.lowerBound] = .number
          case _?: kinds[id - range.lowerBound] = .other
          }
        }
      }
      return (values, kinds)
    }
    values.reserveCapacity(count)
    kinds.reserveCapacity(count)
    for (v, k) in parts {
      values += v
      kinds += k
    }
  }

  /// The weight of relationship `id`: its number, or `fallback` when it lacks the property.
  /// - Throws: when the relationship holds something other than a number there.
  func weight(of id: Int64, default fallback: Double, _ store: GraphStore) throws -> Double {
    switch kinds[Int(id)] {
    case .number: return values[Int(id)]
    case .absent: return fallback
    case .other:
      let shown = (store.relationshipProperty(id, property) ?? nil)?.typeName ?? "value"
      throw QuiverError.runtime(
        .argument, "InvalidArgumentValue",
        "weightProperty '\(property)' must hold numbers, but relationship \(id) has a \(shown)")
    }
  }
}
