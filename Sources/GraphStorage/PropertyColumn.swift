// One property of every node laid out by node id and coded by grouping equivalence in Cypher
// order, for operators that read the same property of many nodes (a filter over every
// relationship of a type, a grouping over every node of a label), derived from the store's
// column of that property.
import GraphCore

/// One property of every node of a store version: a small integer code per node id and the value
/// behind each code. Codes follow grouping equivalence (two values share a code exactly when
/// grouping would put them in one group), so counting codes groups nodes by the property.
package struct PropertyColumn: Sendable {
  /// Per node id, the code of the node's value; -1 for a node without the property (or a vacant
  /// id).
  package let codes: [Int32]
  /// The value of each code: the first stored, in node-id order, of its equivalence class.
  package let values: [Value]
  /// True when the codes follow the values' Cypher order: all values are integers, all are
  /// strings, or all are floats with no NaN, so that comparing two codes compares the values.
  package let ordered: Bool
  /// True when some code stands for strings that are equal as Cypher compares them but differ
  /// in their Unicode scalars (`é` composed and decomposed): a test that looks at the scalars
  /// (CONTAINS, ENDS WITH, a regular expression) may then tell apart values of one code.
  package let lossy: Bool

  /// The code of node `id`'s value, or -1.
  @inline(__always)
  package func code(_ id: Int64) -> Int32 {
    id >= 0 && Int(id) < codes.count ? codes[Int(id)] : -1
  }
}

extension GraphStore {
  /// Builds the column of property `key` over every node; nil when there are more node ids than
  /// codes can number.
  /// - Complexity: O(n) for n node ids, plus O(d log d) to order d distinct values.
  package func nodeColumn(_ key: PropertyKeyID) -> PropertyColumn? {
    guard nodes.count < Int(Int32.max) else { return nil }
    var codes = [Int32](repeating: -1, count: nodes.count)
    var lookup: [GroupingKey: Int32] = [:]
    var values: [Value] = []
    var lossy = false
    // A string column's dictionary code → this column's code (-1: not met yet), so that each
    // distinct string is hashed once, not once per node.
    var byDictionaryCode = [Int32](repeating: -1, count: nodeColumns.column(key)?.dictionaryCount ?? 0)
    forEachNodeValue(of: key) { i, dictionaryCode, value in
      if let d = dictionaryCode, byDictionaryCode[Int(d)] >= 0 {
        codes[i] = byDictionaryCode[Int(d)]
        return
      }
      let code: Int32
      if let known = lookup[GroupingKey(value)] {
        code = known
        if case .string(let s) = value, case .string(let t) = values[Int(code)], !s.unicodeScalars.elementsEqual(t.unicodeScalars) {
          lossy = true
        }
      } else {
        code = Int32(values.count)
        lookup[GroupingKey(value)] = code
        values.append(value)
      }
      codes[i] = code
      if let d = dictionaryCode { byDictionaryCode[Int(d)] = code }
    }
    guard Self.orderable(values) else { return PropertyColumn(codes: codes, values: values, ordered: false, lossy: lossy) }
    let order = values.indices.sorted { (values[$0].cypherCompare(values[$1]) ?? 0) < 0 }
    var rank = [Int32](repeating: 0, count: values.count)
    for (position, code) in order.enumerated() { rank[code] = Int32(position) }
    for i in codes.indices where codes[i] >= 0 { codes[i] = rank[Int(codes[i])] }
    return PropertyColumn(codes: codes, values: order.map { values[$0] }, ordered: true, lossy: lossy)
  }

  /// Whether `values` are all of one type whose Cypher comparison is a total order.
  private static func orderable(_ values: [Value]) -> Bool {
    guard let first = values.first else { return true }
    switch first {
    case .int: return values.allSatisfy { if case .int = $0 { return true } else { return false } }
    case .string: return values.allSatisfy { if case .string = $0 { return true } else { return false } }
    case .float: return values.allSatisfy { if case .float(let d) = $0 { return !d.isNaN } else { return false } }
    default: return false
    }
  }
}
