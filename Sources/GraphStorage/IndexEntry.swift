// The entries of a property index and their keys. Most indexes are on one property, so a key
// holds a single value inline and only a composite key holds an array: an entry of a
// single-property index is then one flat 32-byte element of a tree leaf, with no allocation of
// its own.
import GraphCore

/// The indexed values of one entity: one value inline, or an array for a composite index.
package enum IndexKey: Sendable {
  case single(Value)
  case composite([Value])

  /// The key of `values` (one per indexed property).
  package init(_ values: [Value]) {
    self = values.count == 1 ? .single(values[0]) : .composite(values)
  }

  /// Number of values.
  var count: Int {
    switch self {
    case .single: return 1
    case .composite(let values): return values.count
    }
  }

  /// The values, one per indexed property.
  package var values: [Value] {
    switch self {
    case .single(let v): return [v]
    case .composite(let values): return values
    }
  }

  /// The `i`th value (`i < count`).
  subscript(_ i: Int) -> Value {
    switch self {
    case .single(let v): return v
    case .composite(let values): return values[i]
    }
  }

  /// Orders element by element (ORDER BY order), a shorter key first when one is a prefix of the
  /// other.
  static func compare(_ a: IndexKey, _ b: IndexKey) -> Int {
    if case .single(let x) = a, case .single(let y) = b { return compareValues(x, y) }
    let n = min(a.count, b.count)
    for i in 0..<n {
      let c = compareValues(a[i], b[i])
      if c != 0 { return c }
    }
    return a.count < b.count ? -1 : a.count > b.count ? 1 : 0
  }

  /// Compares the first `bound.count` values of this key with a range bound: a bound shorter than
  /// the key matches every key it is a prefix of; a key shorter than the bound sorts before it.
  func compare(prefixOf bound: [Value]) -> Int {
    guard let first = bound.first else { return 0 }
    if case .single(let v) = self {
      let c = Self.compareValues(v, first)
      return c != 0 || bound.count == 1 ? c : -1
    }
    let n = min(count, bound.count)
    for i in 0..<n {
      let c = Self.compareValues(self[i], bound[i])
      if c != 0 { return c }
    }
    return n < bound.count ? -1 : 0
  }

  /// `orderCompare`, with two integers (the most common key) compared directly: a look-up makes
  /// a few dozen comparisons on its way down.
  @inline(__always)
  static func compareValues(_ a: Value, _ b: Value) -> Int {
    if case .int(let x) = a, case .int(let y) = b { return x < y ? -1 : x > y ? 1 : 0 }
    return a.orderCompare(b)
  }

  /// Whether the key is equivalent to `values` under Cypher's grouping equivalence (1 and 1.0
  /// are one key), which an equality look-up requires beyond comparing equal in order.
  func isEquivalent(to values: [Value]) -> Bool {
    guard count == values.count else { return false }
    if case .single(let v) = self { return GroupingKey(v) == GroupingKey(values[0]) }
    return (0..<count).allSatisfy { GroupingKey(self[$0]) == GroupingKey(values[$0]) }
  }
}

/// One entry of a property index: the indexed values (one per indexed property) and the id.
package struct IndexEntry: Sendable {
  package let indexKey: IndexKey
  package let id: Int64

  package init(key: [Value], id: Int64) {
    self.init(IndexKey(key), id: id)
  }

  package init(_ key: IndexKey, id: Int64) {
    indexKey = key
    self.id = id
  }

  /// The indexed values, one per indexed property.
  package var key: [Value] { indexKey.values }

  /// Orders by key (element by element, ORDER BY order), then by id.
  static func compare(_ a: IndexEntry, _ b: IndexEntry) -> Int {
    let c = IndexKey.compare(a.indexKey, b.indexKey)
    if c != 0 { return c }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

  /// Orders keys given as value arrays, as `IndexKey.compare` does.
  static func compareKeys(_ a: [Value], _ b: [Value]) -> Int {
    IndexKey.compare(IndexKey(a), IndexKey(b))
  }
}
