// The relationship table's columns: typed property columns round-trip every kind, convert to a
// column of values on a second kind, leave nulls out, forget deleted relationships, keep copies
// apart, survive a snapshot, and satisfy the store's invariants throughout.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct RelationshipColumnTests {
  /// A store of `n` nodes.
  private func store(nodes n: Int = 4) -> GraphStore {
    var s = GraphStore()
    for _ in 0..<n { s.createNode(labels: ["N"], properties: [:]) }
    return s
  }

  /// A property as text: its Cypher text, `absent`, or `no relationship`.
  private func read(_ s: GraphStore, _ id: Int64, _ key: String) -> String {
    guard let found = s.relationshipProperty(id, key) else { return "no relationship" }
    guard let v = found else { return "absent" }
    return v.cypherText
  }

  /// Every property of a relationship as `key=value` text in key order.
  private func all(_ s: GraphStore, _ id: Int64) -> String {
    guard let p = s.relationshipProperties(id) else { return "no relationship" }
    return p.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.cypherText)" }.joined(separator: " ")
  }

  /// A replaced value as text (`none` when there was none).
  private func old(_ v: Value?) -> String { v.map(\.cypherText) ?? "none" }

  /// The kind of `key`'s column on `type`.
  private func kind(_ s: GraphStore, _ type: String, _ key: String) -> PropertyValueColumn.Kind? {
    guard let t = s.typeID(type), let k = s.propertyKeyID(key), Int(t) < s.relationships.byType.count else { return nil }
    return s.relationships.byType[Int(t)].columns.first { $0.key == k }?.kind
  }

  static let values: [(Value, PropertyValueColumn.Kind)] = [
    (.int(0), .int), (.int(.min), .int), (.int(.max), .int), (.float(-0.0), .float), (.float(.infinity), .float),
    (.float(2.5), .float), (.bool(true), .bool), (.bool(false), .bool), (.string(""), .string),
    (.string("a string longer than fifteen bytes"), .string), (.string("e\u{301}"), .string),
    (.list([.int(1), .string("x")]), .generic),
  ]

  @Test(arguments: values)
  func typedColumnRoundTrip(value: Value, kind expected: PropertyValueColumn.Kind) {
    var s = store()
    let a = s.createRelationship(type: "R", from: 0, to: 1, properties: ["p": value, "q": .int(7)])
    let b = s.createRelationship(type: "R", from: 1, to: 2, properties: ["p": value])
    for id in [a, b] { #expect(read(s, id, "p") == value.cypherText) }
    #expect(read(s, a, "q") == "7")
    #expect(all(s, b) == "p=\(value.cypherText)")
    #expect(kind(s, "R", "p") == expected)
    #expect(kind(s, "R", "q") == .int)
    #expect(s.invariantViolations() == [])
  }

  @Test func floatsKeepTheirBits() {
    var s = store()
    let id = s.createRelationship(type: "R", from: 0, to: 1, properties: ["f": .float(-0.0)])
    guard case .float(let d)?? = s.relationshipProperty(id, "f") else {
      Issue.record("no float read back")
      return
    }
    #expect(d.bitPattern == (-0.0 as Double).bitPattern)
    s.setRelationshipProperty(id, "f", .float(.nan))
    guard case .float(let nan)?? = s.relationshipProperty(id, "f") else {
      Issue.record("no NaN read back")
      return
    }
    #expect(nan.isNaN)
  }

  @Test func stringsAreToldApartByScalars() {
    var s = store()
    let composed = s.createRelationship(type: "R", from: 0, to: 1, properties: ["s": .string("\u{e9}")])
    let decomposed = s.createRelationship(type: "R", from: 0, to: 1, properties: ["s": .string("e\u{301}")])
    guard case .string(let c)?? = s.relationshipProperty(composed, "s"), case .string(let d)?? = s.relationshipProperty(decomposed, "s")
    else {
      Issue.record("strings not read back")
      return
    }
    #expect(Array(c.unicodeScalars) == ["\u{e9}"])
    #expect(Array(d.unicodeScalars) == ["e", "\u{301}"])
  }

  @Test func manyDistinctStringsKeepTheirCodes() {
    var s = store()
    var ids: [Int64] = []
    for i in 0..<3000 { ids.append(s.createRelationship(type: "R", from: 0, to: 1, properties: ["s": .string("name \(i % 1500)")])) }
    for (i, id) in ids.enumerated() { #expect(read(s, id, "s") == Value.string("name \(i % 1500)").cypherText) }
    #expect(s.relationships.byType[0].columns[0].violations() == [])
    #expect(kind(s, "R", "s") == .string)
    #expect(s.invariantViolations() == [])
  }

  @Test func aSecondKindMakesTheColumnGeneric() {
    var s = store()
    let a = s.createRelationship(type: "R", from: 0, to: 1, properties: ["p": .int(1)])
    let b = s.createRelationship(type: "R", from: 1, to: 2, properties: ["p": .bool(true)])
    let c = s.createRelationship(type: "R", from: 2, to: 3, properties: [:])
    s.setRelationshipProperty(c, "p", .string("three"))
    #expect(kind(s, "R", "p") == .generic)
    #expect(read(s, a, "p") == "1")
    #expect(read(s, b, "p") == "true")
    #expect(read(s, c, "p") == "'three'")
    // Another type's column of the same key keeps its kind.
    let d = s.createRelationship(type: "S", from: 0, to: 0, properties: ["p": .int(4)])
    #expect(kind(s, "S", "p") == .int)
    #expect(read(s, d, "p") == "4")
    #expect(s.invariantViolations() == [])
  }

  @Test func nullsAreNotStored() {
    var s = store()
    let id = s.createRelationship(type: "R", from: 0, to: 1, properties: ["a": .null, "b": .int(2)])
    #expect(all(s, id) == "b=2")
    #expect(read(s, id, "a") == "absent")
    #expect(s.relationshipPropertyCount(id) == 1)
    let replaced1 = s.setRelationshipProperty(id, "b", .null)
    #expect(old(replaced1) == "2")
    #expect(all(s, id) == "")
    #expect(read(s, id, "b") == "absent")
    #expect(s.relationshipPropertyCount(id) == 0)
    let replaced2 = s.setRelationshipProperty(id, "b", Optional<Value>.none)
    #expect(old(replaced2) == "none")
    let replaced3 = s.setRelationshipProperty(id, "b", .int(3))
    #expect(old(replaced3) == "none")
    #expect(read(s, id, "b") == "3")
    #expect(s.invariantViolations() == [])
  }

  @Test func deletesForgetValuesAndKeepTheSlot() {
    var s = store()
    let a = s.createRelationship(type: "R", from: 0, to: 1, properties: ["p": .int(1), "n": .string("a")])
    let b = s.createRelationship(type: "R", from: 1, to: 2, properties: ["p": .int(2), "n": .string("b")])
    let deleted = s.deleteRelationship(a)
    let again = s.deleteRelationship(a)
    #expect(deleted)
    #expect(!again)
    #expect(s.relationship(a).map(\.type) == nil)
    #expect(read(s, a, "p") == "no relationship")
    let replaced4 = s.setRelationshipProperty(a, "p", .int(9))
    #expect(old(replaced4) == "none")
    #expect(read(s, a, "p") == "no relationship")
    #expect(s.relationshipIDLimit == 2)
    #expect(all(s, b) == "n='b' p=2")
    let replaced5 = s.setRelationshipProperty(b, "p", .int(20))
    #expect(old(replaced5) == "2")
    #expect(read(s, b, "p") == "20")
    let c = s.createRelationship(type: "R", from: 2, to: 3, properties: ["p": .int(3)])
    #expect(c == 2)
    #expect(all(s, c) == "p=3")
    #expect(s.count(ofType: "R") == 2)
    #expect(s.invariantViolations() == [])
  }

  @Test func aCopyKeepsItsValues() {
    var s = store()
    var ids: [Int64] = []
    for i in 0..<300 { ids.append(s.createRelationship(type: "R", from: Int64(i % 4), to: 1, properties: ["p": .int(Int64(i))])) }
    let before = s
    s.setRelationshipProperty(ids[5], "p", .string("changed"))
    s.setRelationshipProperty(ids[200], "q", .bool(false))
    s.deleteRelationship(ids[7])
    s.createRelationship(type: "R", from: 0, to: 0, properties: ["p": .float(1)])
    for (i, id) in ids.enumerated() { #expect(all(before, id) == "p=\(i)") }
    #expect(before.relationshipIDLimit == 300)
    #expect(read(s, ids[5], "p") == "'changed'")
    #expect(read(s, ids[200], "q") == "false")
    #expect(read(s, ids[6], "p") == "6")
    #expect(read(s, ids[7], "p") == "no relationship")
    #expect(read(before, ids[7], "p") == "7")
    #expect(before.invariantViolations() == [])
    #expect(s.invariantViolations() == [])
  }

  @Test func snapshotRoundTrip() throws {
    var s = store()
    for i in 0..<200 {
      let type = i % 3 == 0 ? "S" : "R"
      var properties: [String: Value] = ["i": .int(Int64(i)), "w": .float(Double(i) / 4)]
      if i % 5 == 0 { properties["name"] = .string("r\(i % 7)") }
      if i % 11 == 0 { properties["mixed"] = i % 2 == 0 ? .int(1) : .string("one") }
      s.createRelationship(type: type, from: Int64(i % 4), to: Int64((i + 1) % 4), properties: properties)
    }
    for id in stride(from: 3, to: 200, by: 17) { s.deleteRelationship(Int64(id)) }
    s.setRelationshipProperty(10, "w", nil)
    var bytes: [UInt8] = []
    try SnapshotFormat.write(s, sequence: 7) { bytes += $0 }
    let (copy, sequence) = try SnapshotReader.read(bytes, file: "test")
    #expect(sequence == 7)
    #expect(all(s, 10) == "i=10 name='r3'")
    #expect(copy.relationshipIDLimit == s.relationshipIDLimit)
    #expect(copy.allRelationshipIDs() == s.allRelationshipIDs())
    for id in s.allRelationshipIDs() {
      #expect(all(copy, id) == all(s, id))
      #expect(copy.endpoints(of: id)?.start == s.endpoints(of: id)?.start)
      #expect(copy.endpoints(of: id)?.end == s.endpoints(of: id)?.end)
      #expect(copy.type(of: id) == s.type(of: id))
    }
    #expect(copy.invariantViolations() == [])
  }
}
