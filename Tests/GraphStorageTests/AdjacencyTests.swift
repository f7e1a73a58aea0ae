// A node's adjacency in one direction: lists per type, the first held inline, others in order.
import Testing

@testable import GraphStorage

@Suite struct AdjacencyTests {
  private func ids(_ entries: [AdjacentRelationship]) -> [Int64] { entries.map(\.id) }

  @Test func listsStayInTypeOrderWhicheverTypeCameFirst() {
    var a = Adjacency()
    #expect(a.isEmpty)
    a.add(10, type: 5, neighbour: 1)
    a.add(11, type: 2, neighbour: 2)
    a.add(12, type: 9, neighbour: 3)
    a.add(13, type: 5, neighbour: 4)
    a.add(14, type: 2, neighbour: 5)
    #expect(!a.isEmpty)
    #expect(a.count == 5)
    #expect(ids(a.list(of: 5)) == [10, 13])
    #expect(ids(a.list(of: 2)) == [11, 14])
    #expect(ids(a.list(of: 7)) == [])
    #expect(a.lists.map(\.type) == [2, 5, 9])
    #expect(ids(a.entries(types: nil)) == [11, 14, 10, 13, 12])
    #expect(ids(a.entries(types: [9, 2])) == [12, 11, 14])
    #expect(a.list(of: 9).map(\.neighbour) == [3])
  }

  @Test func emptyingTheInlineListMovesTheNextTypeIn() {
    var a = Adjacency()
    a.add(1, type: 3, neighbour: 7)
    a.add(2, type: 1, neighbour: 8)
    a.add(3, type: 4, neighbour: 9)
    a.remove(1, type: 3)
    #expect(a.lists.map(\.type) == [1, 4])
    #expect(ids(a.entries(types: nil)) == [2, 3])
    // Removing what is not there changes nothing.
    a.remove(1, type: 3)
    a.remove(99, type: 1)
    #expect(a.count == 2)
    a.add(4, type: 3, neighbour: 7)
    #expect(a.lists.map(\.type) == [1, 3, 4])
    a.remove(2, type: 1)
    a.remove(3, type: 4)
    #expect(ids(a.entries(types: nil)) == [4])
    a.remove(4, type: 3)
    #expect(a.isEmpty)
    #expect(a.count == 0)
    #expect(a.lists.isEmpty)
    a.add(5, type: 2, neighbour: 1)
    #expect(ids(a.list(of: 2)) == [5])
  }

  @Test func parallelRelationshipsAreRemovedOneAtATime() {
    var a = Adjacency()
    a.add(1, type: 0, neighbour: 5)
    a.add(2, type: 0, neighbour: 5)
    a.remove(2, type: 0)
    #expect(ids(a.list(of: 0)) == [1])
    #expect(a.list(of: 0).map(\.neighbour) == [5])
  }
}
