// Cypher's value semantics: three-valued equality, the partial order of comparison operators,
// the total order of ORDER BY, and the equivalence used by DISTINCT and grouping.

/// Three-valued truth: true, false or null (unknown).
package typealias Ternary = Bool?

extension Value {
  /// `a = b` with null propagation: nil means null.
  package func cypherEquals(_ other: Value) -> Ternary {
    switch (self, other) {
    case (.null, _), (_, .null): return nil
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.int(let a), .float(let b)): return Value.compareIntDouble(a, b) == 0
    case (.float(let a), .int(let b)): return Value.compareIntDouble(b, a) == 0
    case (.string(let a), .string(let b)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      var sawNull = false
      for (x, y) in zip(a, b) {
        switch x.cypherEquals(y) {
        case .some(false): return false
        case nil: sawNull = true
        default: break
        }
      }
      return sawNull ? nil : true
    case (.map(let a), .map(let b)):
      guard a.count == b.count, Set(a.keys) == Set(b.keys) else { return false }
      var sawNull = false
      for (k, x) in a {
        guard let y = b[k] else { return false }
        switch x.cypherEquals(y) {
        case .some(false): return false
        case nil: sawNull = true
        default: break
        }
      }
      return sawNull ? nil : true
    case (.node(let a), .node(let b)): return a.id == b.id
    case (.relationship(let a), .relationship(let b)): return a.id == b.id
    case (.path(let a), .path(let b)):
      return a.nodes.map(\.id) == b.nodes.map(\.id) && a.relationships.map(\.id) == b.relationships.map(\.id)
    case (.temporal(let a), .temporal(let b)): return a == b
    case (.point(let a), .point(let b)): return a == b
    case (.vector(let a), .vector(let b)): return a == b
    default: return false
    }
  }

  /// -1, 0 or 1 comparing an integer with a double exactly (no rounding of large integers).
  package static func compareIntDouble(_ i: Int64, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    if d >= 9.2233720368547758e18 { return -1 }
    if d < -9.2233720368547758e18 { return 1 }
    let t = d.rounded(.towardZero)
    let ti = Int64(t)
    if i < ti { return -1 }
    if i > ti { return 1 }
    let frac = d - t
    return frac > 0 ? -1 : frac < 0 ? 1 : 0
  }

  /// The order used by `<`, `<=`, `>`, `>=`: nil when the values are not comparable (different
  /// kinds, null, NaN).
  package func cypherCompare(_ other: Value) -> Int? {
    switch (self, other) {
    case (.int(let a), .int(let b)): return a < b ? -1 : a > b ? 1 : 0
    case (.float(let a), .float(let b)):
      if a.isNaN || b.isNaN { return nil }
      return a < b ? -1 : a > b ? 1 : 0
    case (.int(let a), .float(let b)): return Value.compareIntDouble(a, b)
    case (.float(let a), .int(let b)): return Value.compareIntDouble(b, a).map { -$0 }
    case (.string(let a), .string(let b)): return a < b ? -1 : a > b ? 1 : 0
    case (.bool(let a), .bool(let b)): return a == b ? 0 : (!a ? -1 : 1)
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) {
        guard let c = x.cypherCompare(y) else { return nil }
        if c != 0 { return c }
      }
      return a.count < b.count ? -1 : a.count > b.count ? 1 : 0
    case (.temporal(let a), .temporal(let b)): return a.compare(b)
    default: return nil
    }
  }

  /// Rank of each kind in ORDER BY's total order (ascending): maps, nodes, relationships,
  /// lists, paths, vectors, points, temporal values, strings, booleans, numbers, and null last
  /// (the Neo4j manual's hierarchy of values). Points and vectors are orderable but not
  /// comparable: `<` between two of them is null.
  private var orderRank: Int {
    switch self {
    case .map: return 0
    case .node: return 1
    case .relationship: return 2
    case .list: return 3
    case .path: return 4
    case .vector: return 5
    case .point: return 6
    case .temporal: return 7
    case .string: return 8
    case .bool: return 9
    case .int, .float: return 10
    case .null: return 11
    }
  }

  /// ORDER BY's total order over all values.
  package func orderCompare(_ other: Value) -> Int {
    let ra = orderRank
    let rb = other.orderRank
    if ra != rb { return ra < rb ? -1 : 1 }
    switch (self, other) {
    case (.float(let a), .float(let b)):
      if a.isNaN || b.isNaN { return a.isNaN == b.isNaN ? 0 : (a.isNaN ? 1 : -1) }
      return a < b ? -1 : a > b ? 1 : 0
    case (.float(let a), .int):
      if a.isNaN { return 1 }
      return cypherCompare(other) ?? 0
    case (.int, .float(let b)):
      if b.isNaN { return -1 }
      return cypherCompare(other) ?? 0
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) {
        let c = x.orderCompare(y)
        if c != 0 { return c }
      }
      return a.count < b.count ? -1 : a.count > b.count ? 1 : 0
    case (.map(let a), .map(let b)):
      let ka = a.keys.sorted()
      let kb = b.keys.sorted()
      for (x, y) in zip(ka, kb) {
        if x != y { return x < y ? -1 : 1 }
        if let va = a[x], let vb = b[y] {
          let c = va.orderCompare(vb)
          if c != 0 { return c }
        }
      }
      return ka.count < kb.count ? -1 : ka.count > kb.count ? 1 : 0
    case (.node(let a), .node(let b)): return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    case (.relationship(let a), .relationship(let b)): return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    case (.path(let a), .path(let b)):
      let la = a.nodes.map(\.id)
      let lb = b.nodes.map(\.id)
      for (x, y) in zip(la, lb) where x != y { return x < y ? -1 : 1 }
      return la.count < lb.count ? -1 : la.count > lb.count ? 1 : 0
    case (.temporal(let a), .temporal(let b)): return a.orderCompare(b)
    case (.point(let a), .point(let b)): return a.orderCompare(b)
    case (.vector(let a), .vector(let b)): return a.orderCompare(b)
    default:
      return cypherCompare(other) ?? 0
    }
  }
}

/// A value wrapped for use as a DISTINCT / grouping key: null equals null, 1 equals 1.0, NaN
/// equals NaN, lists and maps compare element-wise under the same rules.
package struct GroupingKey: Hashable, Sendable {
  package let value: Value
  package init(_ value: Value) { self.value = value }

  package static func == (a: GroupingKey, b: GroupingKey) -> Bool { equivalent(a.value, b.value) }

  private static func equivalent(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.float(let x), .float(let y)) where x.isNaN && y.isNaN: return true
    case (.list(let x), .list(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equivalent($0, $1) }
    case (.map(let x), .map(let y)):
      guard x.count == y.count else { return false }
      for (k, v) in x {
        guard let w = y[k], equivalent(v, w) else { return false }
      }
      return true
    default:
      return a.cypherEquals(b) == true
    }
  }

  package func hash(into h: inout Hasher) { GroupingKey.hashValue(value, into: &h) }

  private static func hashValue(_ v: Value, into h: inout Hasher) {
    switch v {
    case .null: h.combine(0)
    case .bool(let b): h.combine(1); h.combine(b)
    case .int(let i):
      h.combine(2)
      h.combine(Double(i))
    case .float(let d):
      h.combine(2)
      if d.isNaN { h.combine(Double.infinity) } else { h.combine(d) }
    case .string(let s): h.combine(3); h.combine(s)
    case .list(let l):
      h.combine(4)
      h.combine(l.count)
      for x in l { hashValue(x, into: &h) }
    case .map(let m):
      h.combine(5)
      for k in m.keys.sorted() {
        h.combine(k)
        if let x = m[k] { hashValue(x, into: &h) }
      }
    case .node(let n): h.combine(6); h.combine(n.id)
    case .relationship(let r): h.combine(7); h.combine(r.id)
    case .path(let p): h.combine(8); h.combine(p.nodes.map(\.id)); h.combine(p.relationships.map(\.id))
    case .temporal(let t): h.combine(9); h.combine(t)
    case .point(let p): h.combine(10); h.combine(p)
    case .vector(let v): h.combine(11); h.combine(v)
    }
  }
}
