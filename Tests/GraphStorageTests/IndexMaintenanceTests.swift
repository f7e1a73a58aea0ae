// Indexes stay exact through every kind of write, and copies of the store keep their own
// version of each index.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct IndexMaintenanceTests {
  @Test func everyWriteKeepsIndexesExact() throws {
    var s = GraphStore()
    let a = s.createNode(labels: ["P"], properties: ["x": 1])
    let b = s.createNode(labels: ["P"], properties: ["x": 2, "y": "b"])
    let c = s.createNode(labels: ["Q"], properties: ["x": 3])
    try s.createIndex(IndexDefinition(name: "px", entity: .node, label: "P", properties: ["x"]))
    try s.createIndex(IndexDefinition(name: "pxy", entity: .node, label: "P", properties: ["x", "y"]))
    let r = s.createRelationship(type: "T", from: a, to: b, properties: ["w": 5])
    try s.createIndex(IndexDefinition(name: "tw", entity: .relationship, label: "T", properties: ["w"]))
    #expect(s.invariantViolations().isEmpty)
    #expect(s.indexLookup("px", from: [.int(2)], inclusive: true, to: [.int(2)], inclusive: true) == [b])
    #expect(s.indexLookup("pxy", from: [.int(2), .string("b")], inclusive: true, to: [.int(2), .string("b")], inclusive: true) == [b])

    s.setNodeProperty(a, "x", 7)
    s.setNodeProperty(b, "x", nil)
    s.addLabel(c, "P")
    s.setRelationshipProperty(r, "w", 6)
    #expect(s.invariantViolations().isEmpty)
    #expect(s.indexLookup("px", from: [.int(7)], inclusive: true, to: [.int(7)], inclusive: true) == [a])
    #expect(s.indexLookup("px", from: [.int(2)], inclusive: true, to: [.int(2)], inclusive: true) == [])
    #expect(s.indexLookup("px", from: [.int(3)], inclusive: true, to: [.int(3)], inclusive: true) == [c])
    #expect(s.indexLookup("tw", from: [.int(6)], inclusive: true, to: [.int(6)], inclusive: true) == [r])

    let copy = s
    s.removeLabel(c, "P")
    s.deleteRelationship(r)
    s.deleteNode(a)
    #expect(s.invariantViolations().isEmpty)
    #expect(copy.invariantViolations().isEmpty)
    #expect(s.indexSize("px").entries == 0)
    #expect(copy.indexSize("px").entries == 2)
  }

  @Test func uniqueConstraintRejectsExistingDuplicates() throws {
    var s = GraphStore()
    s.createNode(labels: ["P"], properties: ["k": 1])
    s.createNode(labels: ["P"], properties: ["k": 1.0])
    #expect {
      try s.createConstraint(ConstraintDefinition(name: "u", kind: .unique, label: "P", properties: ["k"]))
    } throws: {
      ($0 as? QuiverError)?.code == .constraintCreationFailed
    }
    #expect(s.constraintDefinitions.isEmpty)
    #expect(s.indexDefinitions.isEmpty)
  }
}
