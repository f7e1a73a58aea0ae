// The one-tree property index: single keys held inline, composite keys, equality across integer
// and float, the distinct-key count kept through inserts and removals at leaf edges, copies
// that stay independent, and the footprint of the real layout.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct IndexKeyTests {
  @Test func singleKeysAreInlineAndCompositeKeysKeepTheirValues() {
    #expect(MemoryLayout<IndexEntry>.stride <= 32)
    let single = IndexEntry(key: [.string("a")], id: 1)
    let composite = IndexEntry(key: [.int(1), .string("b")], id: 2)
    guard case .single(.string("a")) = single.indexKey else {
      Issue.record("a one-value key is not held inline")
      return
    }
    guard case .composite(let values) = composite.indexKey else {
      Issue.record("a two-value key is not composite")
      return
    }
    #expect(values.count == 2)
    #expect(values[0].intValue == 1)
    #expect(composite.key.count == 2)
    #expect(composite.key[1].stringValue == "b")
    #expect(single.key.count == 1)
    #expect(single.key[0].stringValue == "a")
  }

  @Test func compositeKeysAnswerEqualityPrefixesAndRanges() {
    var t = SortedIndexTree()
    // (x, name) for ids 0..<60: x = id / 10, name = "n" + id % 3.
    for id in 0..<60 {
      t.insert(IndexEntry(key: [.int(Int64(id / 10)), .string("n\(id % 3)")], id: Int64(id)))
    }
    #expect(t.count == 60)
    #expect(t.distinctKeys == 18)
    #expect(t.ids(equalTo: [.int(2), .string("n1")]) == [22, 25, 28])
    #expect(t.ids(equalTo: [.float(2.0), .string("n1")]) == [22, 25, 28])
    #expect(t.ids(equalTo: [.int(2), .string("n9")]) == [])
    // A one-value bound is a prefix: every name of x = 5, in key order (name, then id).
    #expect(t.ids(from: [.int(5)], to: [.int(5)]) == [51, 54, 57, 52, 55, 58, 50, 53, 56, 59])
    #expect(t.ids(from: [.int(4)], inclusive: false, to: [.int(5)], inclusive: false) == [])
    #expect(t.ids(from: [.int(1), .string("n2")], to: [.int(2), .string("n0")]) == [11, 14, 17, 21, 24, 27])
    let removed = t.remove(IndexEntry(key: [.int(2), .string("n1")], id: 25))
    #expect(removed)
    #expect(t.ids(equalTo: [.int(2), .string("n1")]) == [22, 28])
    #expect(t.distinctKeys == 18)
    let removedRest = [22, 28].map { t.remove(IndexEntry(key: [.int(2), .string("n1")], id: $0)) }
    let removedTwice = t.remove(IndexEntry(key: [.int(2), .string("n1")], id: 28))
    #expect(removedRest == [true, true])
    #expect(!removedTwice)
    #expect(t.distinctKeys == 17)
    #expect(t.countedDistinctKeys == 17)
    #expect(t.count == 57)
  }

  @Test func integerAndFloatOneAreOneKey() {
    var t = SortedIndexTree()
    t.insert(IndexEntry(key: [.int(1)], id: 10))
    t.insert(IndexEntry(key: [.float(1.0)], id: 4))
    t.insert(IndexEntry(key: [.int(2)], id: 7))
    t.insert(IndexEntry(key: [.string("1")], id: 1))
    #expect(t.distinctKeys == 3)
    #expect(t.ids(equalTo: [.int(1)]) == [4, 10])
    #expect(t.ids(equalTo: [.float(1.0)]) == [4, 10])
    #expect(t.ids(equalTo: [.float(1.5)]) == [])
    #expect(t.ids(equalTo: [.string("1")]) == [1])
    let removedInt = t.remove(IndexEntry(key: [.int(1)], id: 10))
    #expect(removedInt)
    #expect(t.distinctKeys == 3)
    #expect(t.ids(equalTo: [.int(1)]) == [4])
    let removedFloat = t.remove(IndexEntry(key: [.float(1.0)], id: 4))
    #expect(removedFloat)
    #expect(t.distinctKeys == 2)
    #expect(t.ids(equalTo: [.int(1)]) == [])
  }

  /// Many ids per key, so that a key's entries span leaves and the neighbours of an insert or
  /// removal at a leaf's edge do not tell whether the key stays: the kept count must match a
  /// count over the entries and a reference set at every check.
  @Test(arguments: [7, 8])
  func distinctKeysStayExactAcrossLeafEdges(seed: UInt64) {
    var rng = SortedIndexTreeTests.Generator(state: seed)
    var t = SortedIndexTree(sorted: (0..<2000).map { IndexEntry(key: [.int(Int64($0 / 100))], id: Int64($0)) })
    var reference = Set((0..<2000).map { [Int64($0 / 100), Int64($0)] })
    #expect(t.distinctKeys == 20)
    for step in 0..<3000 {
      let key = Int64.random(in: 0..<25, using: &rng)
      let id = Int64.random(in: 0..<2500, using: &rng)
      let entry = IndexEntry(key: [.int(key)], id: id)
      if Bool.random(using: &rng) {
        let inserted = t.insert(entry)
        #expect(inserted == reference.insert([key, id]).inserted)
      } else {
        let removed = t.remove(entry)
        #expect(removed == (reference.remove([key, id]) != nil))
      }
      if step % 100 == 0 {
        #expect(t.distinctKeys == Set(reference.map { $0[0] }).count)
        #expect(t.distinctKeys == t.countedDistinctKeys)
      }
    }
    #expect(t.count == reference.count)
    #expect(t.distinctKeys == Set(reference.map { $0[0] }).count)
    for key in [0, 13, 24] as [Int64] {
      #expect(t.ids(equalTo: [.int(key)]) == reference.filter { $0[0] == key }.map { $0[1] }.sorted())
    }
  }

  @Test func copiesKeepTheirOwnEntriesAndCounts() {
    // Key (id / 2, id even): false sorts before true, so the entries are sorted before the build.
    let entries = (0..<1000).map { (i: Int) -> IndexEntry in
      let key: [Value] = [.int(Int64(i / 2)), .bool(i % 2 == 0)]
      return IndexEntry(key: key, id: Int64(i))
    }
    var a = SortedIndexTree(sorted: entries.sorted { IndexEntry.compare($0, $1) < 0 })
    var b = a
    b.remove(IndexEntry(key: [.int(10), .bool(true)], id: 20))
    b.remove(IndexEntry(key: [.int(10), .bool(false)], id: 21))
    b.insert(IndexEntry(key: [.int(600), .bool(true)], id: 5000))
    a.insert(IndexEntry(key: [.int(10), .bool(true)], id: 7000))
    #expect(a.count == 1001)
    #expect(b.count == 999)
    #expect(a.distinctKeys == 1000)
    #expect(b.distinctKeys == 999)
    #expect(a.ids(from: [.int(10)], to: [.int(10)]) == [21, 20, 7000])
    #expect(b.ids(from: [.int(10)], to: [.int(10)]) == [])
    #expect(a.ids(equalTo: [.int(600), .bool(true)]) == [])
    #expect(b.ids(equalTo: [.int(600), .bool(true)]) == [5000])
  }

  @Test func storeLooksUpEqualKeysAndCountsTheRealLayout() throws {
    var s = GraphStore()
    for i in 0..<1000 { s.createNode(labels: ["P"], properties: ["x": .int(Int64(i % 400))]) }
    try s.createIndex(IndexDefinition(name: "px", entity: .node, label: "P", properties: ["x"]))
    #expect(s.indexSize("px").entries == 1000)
    #expect(s.indexSize("px").distinct == 400)
    #expect(s.indexLookup("px", equalTo: [.float(7.0)]) == [7, 407, 807])
    s.deleteNode(407)
    s.setNodeProperty(7, "x", .int(1000))
    #expect(s.indexLookup("px", equalTo: [.int(7)]) == [807])
    #expect(s.indexLookup("px", equalTo: [.int(1000)]) == [7])
    #expect(s.indexSize("px").entries == 999)
    #expect(s.indexSize("px").distinct == 401)
    #expect(s.invariantViolations().isEmpty)
    // One 32-byte entry each in leaves three quarters full, and the nodes above them: well
    // under the 160 bytes an entry cost with a key array and a hash side.
    let bytes = s.footprint().first { $0.name == "property indexes" }?.bytes ?? 0
    #expect(bytes >= 999 * 32)
    #expect(bytes <= 999 * 56)
  }
}
