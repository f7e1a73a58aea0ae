// The store's footprint estimate: every part is named, in a fixed order, and grows with what it
// holds (relationship parts with relationships and their properties, node parts with nodes).
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct FootprintTests {
  private func bytes(_ store: GraphStore) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: store.footprint().map { ($0.name, $0.bytes) })
  }

  @Test func namesEveryPartInOrder() {
    #expect(GraphStore().footprint().map(\.name) == [
      "relationship table", "relationship properties", "adjacency", "node table", "node properties", "label index",
      "property indexes",
    ])
  }

  @Test func relationshipPartsGrowWithRelationships() throws {
    var store = GraphStore()
    for i in 0..<100 { store.createNode(labels: ["P"], properties: ["i": .int(Int64(i))]) }
    let nodesOnly = bytes(store)
    #expect(nodesOnly["relationship table"] == 0)
    #expect(nodesOnly["relationship properties"] == 0)
    #expect(nodesOnly["adjacency"] == 0)
    #expect((nodesOnly["node table"] ?? 0) >= 100 * MemoryLayout<Int64>.stride)
    #expect((nodesOnly["node properties"] ?? 0) >= 100 * MemoryLayout<Int64>.stride)
    #expect((nodesOnly["label index"] ?? 0) > 0)
    for i in 0..<1000 {
      store.createRelationship(
        type: "KNOWS", from: Int64(i % 100), to: Int64((i * 7) % 100),
        properties: ["since": .int(Int64(i)), "weight": .float(Double(i) / 10)])
    }
    let loaded = bytes(store)
    // At least the two 8-byte values, both end points and the two adjacency entries of each.
    #expect((loaded["relationship properties"] ?? 0) >= 1000 * 16)
    #expect((loaded["relationship table"] ?? 0) >= 1000 * 16)
    #expect((loaded["adjacency"] ?? 0) >= 1000 * 32)
    #expect(loaded["node properties"] == nodesOnly["node properties"])
    try store.createIndex(IndexDefinition(name: "i", entity: .node, label: "P", properties: ["i"]))
    #expect((bytes(store)["property indexes"] ?? 0) >= 100 * 2 * MemoryLayout<Int64>.stride)
  }
}
