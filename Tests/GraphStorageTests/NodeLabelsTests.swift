// A node's labels: kept in order without repeats, the first two inline and the rest spilled,
// removal keeping the order, and the store's label operations agreeing with the label index.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct NodeLabelsTests {
  @Test func keepsOrderWithoutRepeats() {
    #expect(Array(NodeLabels()) == [])
    #expect(Array(NodeLabels([3])) == [3])
    #expect(Array(NodeLabels([3, 1, 3])) == [3, 1])
    #expect(Array(NodeLabels([4, 2, 4, 7, 9, 2])) == [4, 2, 7, 9])
    #expect(NodeLabels([4, 2, 7]).heapBytes > 0)
    #expect(NodeLabels([4, 2]).heapBytes == 0)
  }

  @Test func removeKeepsTheOthersInOrder() {
    for at in 0..<4 {
      var labels = NodeLabels([5, 6, 7, 8])
      labels.remove(at: at)
      var expected: [LabelID] = [5, 6, 7, 8]
      expected.remove(at: at)
      #expect(Array(labels) == expected)
    }
    var one = NodeLabels([1])
    one.remove(at: 0)
    #expect(one.isEmpty)
    one.append(2)
    #expect(Array(one) == [2])
  }

  @Test func storeLabelOperations() {
    var s = GraphStore()
    let a = s.createNode(labels: ["A", "B", "A", "C"], properties: [:])
    #expect(s.labels(of: a) == ["A", "B", "C"])
    let changes = [s.addLabel(a, "D"), s.addLabel(a, "B"), s.removeLabel(a, "A"), s.removeLabel(a, "A")]
    #expect(changes == [true, false, true, false])
    #expect(s.labels(of: a) == ["B", "C", "D"])
    #expect(s.nodeIDs(withLabel: "A") == [])
    #expect(s.nodeIDs(withLabel: "D") == [a])
    let b = s.createNode(labels: [], properties: [:])
    #expect(s.labels(of: b) == [])
    let added = s.addLabel(b, "B")
    #expect(added)
    #expect(s.nodeIDs(withLabel: "B") == [a, b])
    #expect(s.invariantViolations() == [])
  }
}
