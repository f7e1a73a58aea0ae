// The nodes' property columns and the delta of nodes newer than them: typed columns by node id
// round-trip every kind, leave nulls out, forget deleted nodes, keep copies apart, stay small for
// keys held by a few nodes far apart, survive a snapshot, derive the grouping column; the delta
// reads the same before and after it is folded into the columns; and the store's invariants
// hold throughout.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct NodePropertyColumnTests {
  /// A property as text: its Cypher text, `absent`, or `no node`.
  private func read(_ s: GraphStore, _ id: Int64, _ key: String) -> String {
    guard let found = s.nodeProperty(id, key) else { return "no node" }
    guard let v = found else { return "absent" }
    return v.cypherText
  }

  /// Every property of a node as `key=value` text in key order.
  private func all(_ s: GraphStore, _ id: Int64) -> String {
    guard let p = s.nodeProperties(id) else { return "no node" }
    return p.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.cypherText)" }.joined(separator: " ")
  }

  /// A replaced value as text (`none` when there was none).
  private func old(_ v: Value?) -> String { v.map(\.cypherText) ?? "none" }

  /// The kind of `key`'s node column once the delta is folded into the columns.
  private func kind(_ s: GraphStore, _ key: String) -> PropertyValueColumn.Kind? {
    guard let k = s.propertyKeyID(key) else { return nil }
    var folded = s
    folded.foldNodeProperties()
    return folded.nodeColumns.column(k)?.kind
  }

  /// `s` as it is (its new nodes in the delta) and with the delta folded into the columns.
  private func both(_ s: GraphStore) -> [GraphStore] {
    var folded = s
    folded.foldNodeProperties()
    return [s, folded]
  }

  @Test(arguments: RelationshipColumnTests.values)
  func typedColumnRoundTrip(value: Value, kind expected: PropertyValueColumn.Kind) {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: ["p": value, "q": .int(7)])
    let b = s.createNode(labels: ["B"], properties: ["p": value])
    for s in both(s) {
      for id in [a, b] { #expect(read(s, id, "p") == value.cypherText) }
      #expect(read(s, a, "q") == "7")
      #expect(read(s, b, "q") == "absent")
      #expect(all(s, b) == "p=\(value.cypherText)")
      #expect(s.nodePropertyCount(a) == 2)
      #expect(s.nodePropertyCount(b) == 1)
      #expect(s.invariantViolations() == [])
    }
    #expect(kind(s, "p") == expected)
    #expect(kind(s, "q") == .int)
  }

  @Test func setReplacesAndNullRemoves() {
    var s = GraphStore()
    s.createNode(labels: [], properties: ["p": .int(0)])
    s.foldNodeProperties()
    let a = s.createNode(labels: [], properties: ["p": .int(1), "gone": .null])
    s.foldNodeProperties()
    #expect(all(s, a) == "p=1")
    #expect(old(s.setNodeProperty(a, "p", .int(2))) == "1")
    #expect(old(s.setNodeProperty(a, "p", .string("two"))) == "2")
    #expect(kind(s, "p") == .generic)
    #expect(read(s, a, "p") == "'two'")
    #expect(old(s.setNodeProperty(a, "p", nil)) == "'two'")
    #expect(old(s.setNodeProperty(a, "p", .null)) == "none")
    #expect(read(s, a, "p") == "absent")
    #expect(s.nodePropertyCount(a) == 0)
    #expect(s.invariantViolations() == [])
  }

  @Test(arguments: [false, true])
  func deletesForgetValues(folded: Bool) {
    var s = GraphStore()
    let a = s.createNode(labels: ["P"], properties: ["name": .string("a"), "n": .int(1)])
    let b = s.createNode(labels: ["P"], properties: ["name": .string("b")])
    if folded { s.foldNodeProperties() }
    let deleted = s.deleteNode(a)
    #expect(deleted)
    #expect(read(s, a, "name") == "no node")
    #expect(s.nodePropertyCount(a) == 0)
    #expect(read(s, b, "name") == "'b'")
    let c = s.createNode(labels: ["P"], properties: [:])
    #expect(c == 2)
    #expect(all(s, c) == "")
    #expect(s.invariantViolations() == [])
  }

  @Test func aCopyKeepsItsValues() {
    var s = GraphStore()
    for i in 0..<300 { s.createNode(labels: ["P"], properties: ["p": .int(Int64(i))]) }
    // Half in the columns, half in the delta.
    s.foldNodeProperties(upTo: 150)
    let before = s
    s.setNodeProperty(5, "p", .string("changed"))
    s.setNodeProperty(200, "q", .bool(false))
    s.deleteNode(7)
    s.createNode(labels: [], properties: ["p": .float(1)])
    for i in 0..<300 { #expect(all(before, Int64(i)) == "p=\(i)") }
    #expect(before.nodeIDLimit == 300)
    #expect(read(s, 5, "p") == "'changed'")
    #expect(read(s, 200, "q") == "false")
    #expect(read(s, 6, "p") == "6")
    #expect(read(s, 7, "p") == "no node")
    #expect(read(before, 7, "p") == "7")
    #expect(read(s, 300, "p") == "1.0")
    #expect(before.invariantViolations() == [])
    #expect(s.invariantViolations() == [])
  }

  /// A key first stored on a node far past the others costs shared chunks for the ids below it,
  /// and writing into that range copies only the chunk written.
  @Test func aSparseKeySharesItsEmptyChunks() {
    var a = ChunkedArray<UInt64>()
    a.append(repeating: 0, count: 1000)
    a.append(42)
    #expect(a.count == 1001)
    #expect(a[1000] == 42)
    #expect((0..<1000).allSatisfy { a[$0] == 0 })
    a[300] = 7
    #expect(a[300] == 7)
    #expect(a[299] == 0 && a[301] == 0 && a[44] == 0 && a[900] == 0)
    var b = ChunkedArray<Int32>()
    b.append(1)
    b.append(repeating: -1, count: 300)
    b.append(2)
    #expect(b.count == 302)
    #expect(b[0] == 1 && b[1] == -1 && b[300] == -1 && b[301] == 2)

    var s = GraphStore()
    for _ in 0..<5000 { s.createNode(labels: ["A"], properties: ["a": .int(1)]) }
    let rare = s.createNode(labels: ["B"], properties: ["b": .int(9)])
    s.foldNodeProperties()
    let column = s.nodeColumns.column(s.propertyKeyID("b") ?? -1)
    #expect(column?.count == 1)
    #expect(read(s, rare, "b") == "9")
    #expect(read(s, 17, "b") == "absent")
    s.setNodeProperty(17, "b", .int(3))
    #expect(read(s, 17, "b") == "3")
    #expect(read(s, 18, "b") == "absent")
    #expect(s.invariantViolations() == [])
  }

  @Test func snapshotRoundTrip() throws {
    var s = GraphStore()
    for i in 0..<200 {
      var properties: [String: Value] = ["i": .int(Int64(i)), "w": .float(Double(i) / 4)]
      if i % 5 == 0 { properties["name"] = .string("n\(i % 7)") }
      if i % 11 == 0 { properties["mixed"] = i % 2 == 0 ? .int(1) : .string("one") }
      s.createNode(labels: i % 3 == 0 ? ["S"] : ["R", "T"], properties: properties)
    }
    for id in stride(from: 3, to: 200, by: 17) { s.deleteNode(Int64(id)) }
    s.setNodeProperty(10, "w", nil)
    var bytes: [UInt8] = []
    try SnapshotFormat.write(s, sequence: 3) { bytes += $0 }
    let (copy, sequence) = try SnapshotReader.read(bytes, file: "test")
    #expect(sequence == 3)
    #expect(all(s, 10) == "i=10 name='n3'")
    #expect(all(copy, 10) == "i=10 name='n3'")
    #expect(copy.nodeIDLimit == s.nodeIDLimit)
    #expect(copy.allNodeIDs() == s.allNodeIDs())
    for id in s.allNodeIDs() {
      #expect(all(copy, id) == all(s, id))
      #expect(copy.labels(of: id) == s.labels(of: id))
    }
    #expect(copy.tables.nodeColumnLimit == copy.nodeIDLimit)
    #expect(copy.invariantViolations() == [])
  }

  /// A bulk load writes into the columns (folding the delta first); single creates go to the
  /// delta, which is folded once it reaches 65,536 nodes, and at compaction, which keeps the
  /// version's stamp.
  @Test func whereNewNodesKeepTheirProperties() {
    var s = GraphStore()
    let direct = s.createNode(labels: ["P"], map: PropertyMap(), direct: true)
    #expect(s.tables.nodeColumnLimit == 1)
    let k = s.internPropertyKey("k")
    var map = PropertyMap()
    map.set(k, .string("single"))
    let single = s.createNode(labels: ["P"], map: map)
    #expect(s.tables.nodeColumnLimit == 1)
    #expect(s.nodes[Int(single)].properties.count == 1)
    map.set(k, .string("bulk"))
    let bulk = s.createNode(labels: ["P"], map: map, direct: true)
    #expect(s.tables.nodeColumnLimit == 3)
    #expect(s.nodes[Int(single)].properties.isEmpty)
    #expect([direct, single, bulk].map { read(s, $0, "k") } == ["absent", "'single'", "'bulk'"])
    #expect(s.invariantViolations() == [])

    var t = GraphStore()
    for i in 0...(1 << 16) { t.createNode(labels: [], properties: ["i": .int(Int64(i))]) }
    #expect(t.tables.nodeColumnLimit == 1 << 16)
    #expect(read(t, 0, "i") == "0")
    #expect(read(t, 1 << 16, "i") == "65536")
    #expect(t.invariantViolations() == [])

    var u = GraphStore()
    for i in 0..<10 { u.createNode(labels: ["P"], properties: ["i": .int(Int64(i))]) }
    let stamp = u.stamp
    let compacted = [u.compactAdjacency(), u.compactAdjacency()]
    #expect(compacted == [true, false])
    #expect(u.stamp == stamp)
    #expect(u.tables.nodeColumnLimit == 10)
    #expect((0..<10).map { read(u, Int64($0), "i") } == (0..<10).map { "\($0)" })
  }

  /// An index built over nodes in the columns and in the delta holds both, and its seeks agree.
  @Test func indexesCoverColumnsAndDelta() throws {
    var s = GraphStore()
    for i in 0..<6 { s.createNode(labels: ["P"], properties: ["x": .int(Int64(i % 3))]) }
    s.foldNodeProperties(upTo: 3)
    try s.createIndex(IndexDefinition(name: "px", entity: .node, label: "P", properties: ["x"]))
    #expect(s.indexLookup("px", from: [.int(1)], inclusive: true, to: [.int(1)], inclusive: true) == [1, 4])
    s.setNodeProperty(4, "x", .int(2))
    s.setNodeProperty(1, "x", .int(2))
    #expect(s.indexLookup("px", from: [.int(2)], inclusive: true, to: [.int(2)], inclusive: true) == [1, 2, 4, 5])
    #expect(s.invariantViolations() == [])
  }

  /// The grouping column derived from a node column: one code per equivalence class, in Cypher
  /// order, -1 for nodes without the value, and `lossy` when equal strings differ in scalars.
  @Test func groupingColumnFromTheStore() throws {
    var s = GraphStore()
    let names: [Value?] = [.string("b"), .string("a"), nil, .string("b"), .string("e\u{301}"), .string("\u{e9}")]
    for n in names { s.createNode(labels: ["P"], properties: n.map { ["name": $0] } ?? [:]) }
    // The first three from the columns, the rest from the delta.
    s.foldNodeProperties(upTo: 3)
    let name = try #require(s.propertyKeyID("name"))
    let column = try #require(s.nodeColumn(name))
    #expect(column.codes == [1, 0, -1, 1, 2, 2])
    #expect(column.values.map(\.cypherText) == ["'a'", "'b'", "'e\u{301}'"])
    #expect(column.ordered)
    #expect(column.lossy)

    var t = GraphStore()
    for i in [3, 1, 3, 2] { t.createNode(labels: [], properties: ["n": .int(Int64(i))]) }
    t.createNode(labels: [], properties: ["n": .string("x")])
    let n = try #require(t.propertyKeyID("n"))
    let mixed = try #require(t.nodeColumn(n))
    // Values of two kinds: codes in order of first appearance, not ordered.
    #expect(mixed.codes == [0, 1, 0, 2, 3])
    #expect(mixed.values.map(\.cypherText) == ["3", "1", "2", "'x'"])
    #expect(!mixed.ordered)
    #expect(!mixed.lossy)
  }
}
