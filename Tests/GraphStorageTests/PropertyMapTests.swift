// The property map of a record and the store's interned property keys.
import GraphCore
import Testing

@testable import GraphStorage

/// A value spelled as Cypher writes it ("nil" when absent), so expectations compare exactly
/// (`Value` itself is not Equatable: its equality is Cypher's, with nulls).
private func spelled(_ v: Value?) -> String { v.map(\.cypherText) ?? "nil" }
private func spelled(_ map: [String: Value]?) -> String {
  map.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.cypherText)" }.joined(separator: ",") } ?? "nil"
}

@Suite struct PropertyMapTests {
  @Test func setReplaceAndRemoveKeepKeysSorted() {
    var m = PropertyMap()
    #expect(spelled(m.set(5, .int(1))) == "nil")
    #expect(spelled(m.set(2, .string("x"))) == "nil")
    #expect(spelled(m.set(9, .float(1.5))) == "nil")
    #expect(m.entries.map(\.key) == [2, 5, 9])
    #expect(spelled(m.set(5, .int(7))) == "1")
    #expect(spelled(m[5]) == "7")
    #expect(spelled(m[3]) == "nil")
    #expect(spelled(m.remove(2)) == "'x'")
    #expect(spelled(m.remove(2)) == "nil")
    #expect(m.entries.map(\.key) == [5, 9])
    // Storing null removes the key and returns what it held.
    #expect(spelled(m.set(9, .null)) == "1.5")
    #expect(m.count == 1)
  }

  @Test func manyKeysAreFoundByBinarySearch() {
    var m = PropertyMap()
    // Inserted in a scrambled order, more than the linear-scan limit.
    for k in (0..<100).map({ PropertyKeyID(($0 * 37) % 100) }) { m.set(k, .int(Int64(k) * 10)) }
    #expect(m.count == 100)
    #expect(m.entries.map(\.key) == (0..<100).map { PropertyKeyID($0) })
    for k in 0..<100 { #expect(m[PropertyKeyID(k)]?.intValue == Int64(k) * 10) }
    #expect(spelled(m[100]) == "nil")
    #expect(spelled(m[-1]) == "nil")
    #expect(spelled(m.remove(50)) == "500")
    #expect(spelled(m[50]) == "nil")
    #expect(spelled(m[51]) == "510")
  }

  @Test func storeInternsKeysOnceAndNeverForNulls() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: ["name": "a", "gone": .null])
    let b = s.createNode(labels: ["A"], properties: ["name": "b", "age": 3])
    s.createRelationship(type: "R", from: a, to: b, properties: ["weight": 2.5])
    #expect(s.propertyKeys == ["name", "age", "weight"])
    #expect(spelled(s.nodeProperties(a)) == "name='a'")
    #expect(spelled(s.nodeProperties(99)) == "nil")
    #expect(s.nodeProperty(a, "gone").map { $0 == nil } == true)
    #expect(s.nodeProperty(99, "name") == nil)
    #expect(spelled(s.nodeProperty(b, key: s.propertyKeyID("age")) ?? nil) == "3")
    #expect(spelled(s.relationshipProperties(0)) == "weight=2.5")
    // Removing a property that was never stored interns nothing.
    s.setNodeProperty(a, "never", nil)
    #expect(s.propertyKeyID("never") == nil)
    s.setNodeProperty(a, "age", 4)
    #expect(spelled(s.nodeProperty(a, "age") ?? nil) == "4")
    #expect(s.propertyKeys.count == 3)
    #expect(s.invariantViolations().isEmpty)
  }

  @Test func labelChecksFollowLabelChangesAndDeletes() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A", "B"], properties: [:])
    let b = s.createNode(labels: ["B"], properties: [:])
    let ids = s.resolve(labels: ["A", "B"]) ?? []
    #expect(ids.count == 2)
    #expect(s.hasLabels(a, ids))
    #expect(!s.hasLabels(b, ids))
    #expect(s.hasLabels(b, [ids[1]]))
    #expect(!s.hasLabels(-1, [ids[1]]))
    #expect(!s.hasLabels(1_000, [ids[1]]))
    s.removeLabel(a, "A")
    #expect(!s.hasLabels(a, ids))
    s.addLabel(b, "A")
    #expect(s.hasLabels(b, ids))
    s.deleteNode(b)
    #expect(!s.hasLabels(b, [ids[1]]))
    #expect(!s.hasLabels(b, []))
    #expect(s.hasLabels(a, []))
    #expect(s.invariantViolations().isEmpty)
  }
}
