// The weights of a projection: read from the store in one sequential pass when the projection
// covers much of the graph, per edge when it selects a small part of it.
import GraphAlgorithms
import GraphCore
import GraphStorage

/// One relationship property as numbers. When the projected relationships are a large share of
/// all of them, every relationship's value is read once in id order: a sequential pass over the
/// table, where reading per projected edge (in adjacency order) would jump between records and
/// miss the cache for nearly every one. A projection of a small part of the graph (a rare
/// relationship type) reads its own edges' values instead of the whole table.
struct WeightColumn: Sendable {
  /// What a relationship holds under the property.
  enum Kind: UInt8 { case absent, number, other }

  let property: String
  private let key: PropertyKeyID?
  /// Value and kind per relationship id; empty when values are read per edge.
  private var values: [Double] = []
  private var kinds: [Kind] = []

  /// - Parameter projected: how many relationships the projection may take at most.
  init(_ store: GraphStore, property: String, projected: Int) {
    self.property = property
    key = store.propertyKeyID(property)
    let count = store.relationshipIDLimit
    guard let key, projected * 2 >= count else { return }
    let parts = Parallel.map(count, minimum: 65_536) { _, range in
      var values = [Double](repeating: 0, count: range.count)
      var kinds = [Kind](repeating: .absent, count: range.count)
      for id in range {
        (kinds[id - range.lowerBound], values[id - range.lowerBound]) = Self.classify(
          store.relationshipProperty(Int64(id), key: key) ?? nil)
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

  /// What a stored value is as a weight.
  private static func classify(_ value: Value?) -> (Kind, Double) {
    switch value {
    case nil, .null?: return (.absent, 0)
    case .int(let x)?: return (.number, Double(x))
    case .float(let x)?: return (.number, x)
    case _?: return (.other, 0)
    }
  }

  /// The weight of relationship `id`: its number, or `fallback` when it lacks the property.
  /// - Throws: when the relationship holds something other than a number there.
  func weight(of id: Int64, default fallback: Double, _ store: GraphStore) throws -> Double {
    let (kind, value) =
      kinds.isEmpty ? Self.classify(store.relationshipProperty(id, key: key) ?? nil) : (kinds[Int(id)], values[Int(id)])
    switch kind {
    case .number: return value
    case .absent: return fallback
    case .other:
      let shown = (store.relationshipProperty(id, key: key) ?? nil)?.typeName ?? "value"
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "weightProperty '\(property)' must hold numbers, but relationship \(id) has a \(shown)")
    }
  }
}
