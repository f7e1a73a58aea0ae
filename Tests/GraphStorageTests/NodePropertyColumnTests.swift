// The nodes' property columns: typed columns by node id round-trip every kind, leave nulls out,
// forget deleted nodes, keep copies apart, stay small for keys held by a few nodes far apart,
// survive a snapshot, derive the grouping column, and satisfy the store's invariants throughout.
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

  /// The kind of `key`'s node column.
  private func kind(_ s: GraphStore, _ key: String) -> PropertyValueColumn.Kind? {
    guard let k = s.propertyKeyID(key) else { return nil }
    return s.nodeProperties.column(k)?.kind
  }

  @Test(arguments: RelationshipColumnTests.values)
  func typedColumnRoundTrip(value: Value, kind expected: PropertyValueColumn.Kind) {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: ["p": value, "q": .int(7)])
    let b = s.createNode(labels: ["B"], properties: ["p": value])
    for id in [a, b] { #expect(read(s, id, "p") == value.cypherText) }
    #expect(read(s, a, "q") == "7")
    #expect(read(s, b, "q") == "absent")
    #expect(all(s, b) == "p=\(value.cypherText)")
    #expect(s.nodePropertyCount(a) == 2)
    #expect(s.nodePropertyCount(b) == 1)
    #expect(kind(s, "p") == expected)
    #expect(kind(s, "q") == .int)
    #expect(s.invariantViolations() == [])
  }

  @Test func setReplacesAndNullRemoves() {
    var s = GraphStore()
    let a = s.createNode(labels: [], properties: ["p": .int(1), "gone": .null])
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

  @Test func deletesForgetValues() {
    var s = GraphStore()
    let a = s.createNode(labels: ["P"], properties: ["name": .string("a"), "n": .int(1)])
    let b = s.createNode(labels: ["P"], properties: ["name": .string("b")])
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
    let column = s.nodeProperties.column(s.propertyKeyID("b") ?? -1)
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
    #expect(copy.invariantViolations() == [])
  }

  /// The grouping column derived from a node column: one code per equivalence class, in Cypher
  /// order, -1 for nodes without the value, and `lossy` when equal strings differ in scalars.
  @Test func groupingColumnFromTheStore() throws {
    var s = GraphStore()
    let names: [Value?] = [.string("b"), .string("a"), nil, .string("b"), .string("e\u{301}"), .string("\u{e9}")]
    for n in names { s.createNode(labels: ["P"], properties: n.map { ["name": $0] } ?? [:]) }
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
