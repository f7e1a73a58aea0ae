// Equality between an expected TCK value and an actual engine value under the TCK's rules:
// nodes by labels and properties, relationships by type and properties, paths element by element
// with direction, integers never equal to floats, NaN equal to NaN, map key order irrelevant,
// and temporal values equal to the quoted ISO text the TCK writes for them (`'1984-10-11'`).
import Quiver

/// Compares values; with `ignoresListOrder` every list (at any depth) is compared as a bag.
struct ValueComparator: Sendable {
  var ignoresListOrder = false

  func equal(_ expected: Value, _ actual: Value) -> Bool {
    switch (expected, actual) {
    case (.null, .null): return true
    case (.bool(let e), .bool(let a)): return e == a
    case (.int(let e), .int(let a)): return e == a
    case (.float(let e), .float(let a)): return e == a || (e.isNaN && a.isNaN)
    case (.string(let e), .string(let a)): return e == a
    case (.list(let e), .list(let a)):
      return ignoresListOrder ? bagsEqual(e, a, by: equal) : sequencesEqual(e, a)
    case (.map(let e), .map(let a)): return mapsEqual(e, a)
    case (.node(let e), .node(let a)): return nodesEqual(e, a)
    case (.relationship(let e), .relationship(let a)): return relationshipsEqual(e, a)
    case (.path(let e), .path(let a)): return pathsEqual(e, a)
    case (.string(let e), .temporal(let a)): return e == a.description
    default: return false
    }
  }

  func sequencesEqual(_ expected: [Value], _ actual: [Value]) -> Bool {
    expected.count == actual.count && zip(expected, actual).allSatisfy { equal($0, $1) }
  }

  func mapsEqual(_ expected: [String: Value], _ actual: [String: Value]) -> Bool {
    guard expected.count == actual.count else { return false }
    for (key, e) in expected {
      guard let a = actual[key], equal(e, a) else { return false }
    }
    return true
  }

  func nodesEqual(_ expected: Node, _ actual: Node) -> Bool {
    Set(expected.labels) == Set(actual.labels) && mapsEqual(expected.properties, actual.properties)
  }

  func relationshipsEqual(_ expected: Relationship, _ actual: Relationship) -> Bool {
    expected.type == actual.type && mapsEqual(expected.properties, actual.properties)
  }

  /// Same nodes and relationships in the same order, each relationship walked the same way
  /// (a self loop matches either way).
  func pathsEqual(_ expected: Path, _ actual: Path) -> Bool {
    guard expected.nodes.count == actual.nodes.count,
      expected.relationships.count == actual.relationships.count,
      expected.nodes.count == expected.relationships.count + 1
    else { return false }
    guard zip(expected.nodes, actual.nodes).allSatisfy(nodesEqual) else { return false }
    for (i, (e, a)) in zip(expected.relationships, actual.relationships).enumerated() {
      guard relationshipsEqual(e, a) else { return false }
      let expectedForward = PathDirection.isForward(e, from: expected.nodes[i])
      let actualForward = PathDirection.isForward(a, from: actual.nodes[i])
      if expectedForward != actualForward && !PathDirection.isLoop(a) { return false }
    }
    return true
  }
}
