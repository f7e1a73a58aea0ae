// Store tests: creation, adjacency by type and direction, label index, deletion, and the
// invariants after every mutation.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct GraphStoreTests {
  @Test func createAndReadBack() {
    var s = GraphStore()
    let a = s.createNode(labels: ["Person", "Person", "Admin"], properties: ["name": "Alice", "gone": .null])
    let b = s.createNode(labels: ["Person"], properties: [:])
    let r = s.createRelationship(type: "KNOWS", from: a, to: b, properties: ["since": 2020])
    #expect(s.invariantViolations().isEmpty)
    #expect(s.labels(of: a) == ["Person", "Admin"])
    #expect(s.nodePropertyCount(a) == 1)
    #expect(s.nodeIDs(withLabel: "Person") == [a, b])
    #expect(s.relationships(of: a, direction: .outgoing, types: nil) == [r])
    #expect(s.relationships(of: a, direction: .incoming, types: nil) == [])
    #expect(s.relationships(of: b, direction: .incoming, types: ["KNOWS"]) == [r])
    #expect(s.relationships(of: b, direction: .incoming, types: ["OTHER"]) == [])
    #expect(s.hydrateRelationship(r).type == "KNOWS")
    #expect(s.hydrateRelationship(r).properties["since"]?.intValue == 2020)
  }

  @Test func stampsChangeWithEveryVersion() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: [:])
    let copy = s
    #expect(copy.stamp == s.stamp)
    var left = s
    var right = s
    left.createNode(labels: ["A"], properties: [:])
    right.createNode(labels: ["A"], properties: [:])
    // Same change on two copies: still two versions, each with a stamp of its own.
    #expect(left.stamp != s.stamp && right.stamp != s.stamp && left.stamp != right.stamp)
    #expect(s.stamp == copy.stamp)
    let before = s.stamp
    _ = s.setNodeProperty(a, "x", 1)
    #expect(s.stamp != before && s.stamp != left.stamp)
    let reading = s
    _ = reading.hasLabel(a, "A")
    #expect(reading.stamp == s.stamp)
  }

  @Test func selfLoopAppearsOnceWhenUndirected() {
    var s = GraphStore()
    let a = s.createNode(labels: [], properties: [:])
    let r = s.createRelationship(type: "SELF", from: a, to: a, properties: [:])
    #expect(s.relationships(of: a, direction: .both, types: nil) == [r])
    #expect(s.degree(of: a) == 2)
  }

  @Test func deleteKeepsIndexesExact() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: [:])
    let b = s.createNode(labels: ["A", "B"], properties: [:])
    let r = s.createRelationship(type: "T", from: a, to: b, properties: [:])
    s.deleteRelationship(r)
    #expect(s.invariantViolations().isEmpty)
    s.deleteNode(b)
    #expect(s.invariantViolations().isEmpty)
    #expect(s.nodeIDs(withLabel: "A") == [a])
    #expect(s.labelsInUse == ["A"])
    #expect(s.nodeCount == 1)
    #expect(s.relationshipCount == 0)
    let removedMissing = s.removeLabel(a, "B")
    let removedPresent = s.removeLabel(a, "A")
    #expect(!removedMissing)
    #expect(removedPresent)
    #expect(s.labelsInUse == [])
    #expect(s.invariantViolations().isEmpty)
  }

  @Test func copiesAreIndependent() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A"], properties: ["v": 1])
    var copy = s
    copy.setNodeProperty(a, "v", 2)
    copy.createNode(labels: [], properties: [:])
    #expect(s.nodeProperty(a, "v")??.intValue == 1)
    #expect(copy.nodeProperty(a, "v")??.intValue == 2)
    #expect(s.nodeCount == 1)
    #expect(copy.nodeCount == 2)
  }
}
