// Writes that name labels, types and keys with the ids a plan carries: a valid id is used as it
// is, an id this version holds under another name (or not at all) falls back to the name, and
// the change log always records names.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct InternedNameWriteTests {
  @Test func validIDsAreUsedAndStaleOnesFallBackToTheName() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: ["k": 1])
    let b = s.createNode(labels: ["B"], properties: [:])
    let idA = s.labelID("A")
    let idB = s.labelID("B")
    let idK = s.propertyKeyID("k")
    #expect(idA == 0 && idB == 1 && idK == 0)
    // The id of A given for B, and ids past the interners' ends.
    let c = s.createNode(internedLabels: [InternedName("B", id: idA), InternedName("C", id: 7)], properties: [:])
    #expect(s.labels(of: c) == ["B", "C"])
    #expect(s.addLabel(a, InternedName("A", id: idA)) == false)
    #expect(s.addLabel(a, InternedName("B", id: idA)) == true)
    #expect(s.labels(of: a) == ["A", "B"])
    #expect(s.removeLabel(a, InternedName("A", id: idB)) == true)
    #expect(s.labels(of: a) == ["B"])
    #expect(s.removeLabel(a, InternedName("Nowhere", id: idB)) == false)
    // A key under the id of another key, and a new key with a made-up id.
    s.setNodeProperty(b, key: InternedName("k", id: idK), .int(5))
    s.setNodeProperty(b, key: InternedName("j", id: idK), .int(6))
    s.setNodeProperty(b, key: InternedName("m", id: 40), .int(7))
    #expect(s.nodeProperties(b)?.mapValues(\.intValue) == ["k": 5, "j": 6, "m": 7])
    #expect(s.setNodeProperty(b, key: InternedName("j", id: idK), nil)?.intValue == 6)
    #expect(s.nodeProperties(b)?.mapValues(\.intValue) == ["k": 5, "m": 7])
    let r = s.createRelationship(type: InternedName("T", id: 3), from: a, to: b, properties: [:])
    let idT = s.typeID("T")
    let r2 = s.createRelationship(type: InternedName("U", id: idT), from: a, to: b, properties: [:])
    #expect(s.type(of: r) == "T")
    #expect(s.type(of: r2) == "U")
    s.setRelationshipProperty(r2, key: InternedName("w", id: idK), .float(0.5))
    #expect(s.relationshipProperties(r2)?.mapValues(\.doubleValue) == ["w": 0.5])
    #expect(s.relationshipProperties(r)?.isEmpty == true)
    #expect(s.invariantViolations().isEmpty)
  }

  @Test func theChangeLogRecordsNames() throws {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: ["k": 1])
    s.changeLog = []
    let b = s.createNode(internedLabels: [InternedName("A", id: 0), InternedName("A", id: 0), InternedName("New", id: 0)], properties: [:])
    s.setNodeProperty(b, key: InternedName("k", id: 0), .int(2))
    _ = s.addLabel(a, InternedName("Other", id: 0))
    var replayed = GraphStore()
    _ = replayed.createNode(labels: ["A"], properties: ["k": 1])
    let changes = s.changeLog ?? []
    #expect(changes.count == 3)
    for change in changes { try replayed.apply(change) }
    #expect(replayed.labels(of: b) == ["A", "New"])
    #expect(replayed.nodeProperties(b)?.mapValues(\.intValue) == ["k": 2])
    #expect(replayed.labels(of: a) == ["A", "Other"])
  }
}
