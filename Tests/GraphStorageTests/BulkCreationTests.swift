// Relationships created in batches leave the store exactly as creating them one by one does:
// the same ids, records, adjacency lists (in order), counts and index entries.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct BulkCreationTests {
  /// SplitMix64, for reproducible random graphs.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Everything a reader can see of each node's relationships and of each relationship.
  private func snapshot(_ store: GraphStore) -> [String] {
    var out: [String] = []
    for id in store.allNodeIDs() {
      for direction in [Direction.outgoing, .incoming] {
        let lists = store.adjacent(to: id, direction: direction, typeIDs: nil).map { "\($0.id)>\($0.neighbour)" }
        out.append("\(id) \(direction): \(lists.joined(separator: " "))")
      }
    }
    for id in store.allRelationshipIDs() {
      guard let r = store.relationship(id) else { continue }
      out.append("r\(id) \(store.typeName(r.type)) \(r.start)->\(r.end) \(store.relationshipProperties(id) ?? [:])")
    }
    out.append("counts \(store.relationshipCount) \(store.typeCounts.map { "\($0.name)=\($0.count)" })")
    return out
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func batchesEqualOneByOne(seed: UInt64) throws {
    var rng = Generator(state: seed)
    var single = GraphStore()
    for i in 0..<30 { _ = single.createNode(labels: ["N"], properties: ["i": .int(Int64(i))]) }
    try single.createIndex(IndexDefinition(name: "w", entity: .relationship, label: "R", properties: ["w"]))
    var batched = single
    // Relationships of two types, with parallel ones and self-loops, some on nodes that already
    // have relationships of the other type; created one by one, and in batches of random sizes.
    var pending: [(type: String, start: Int64, end: Int64, w: Int64)] = []
    for _ in 0..<400 {
      let a = Int64.random(in: 0..<30, using: &rng)
      let b = Int.random(in: 0..<6, using: &rng) == 0 ? a : Int64.random(in: 0..<30, using: &rng)
      pending.append((Bool.random(using: &rng) ? "R" : "S", a, b, Int64.random(in: 0..<5, using: &rng)))
    }
    for p in pending { single.createRelationship(type: p.type, from: p.start, to: p.end, properties: ["w": .int(p.w)]) }
    var rest = pending[...]
    let w = batched.internPropertyKey("w")
    while !rest.isEmpty {
      let type = rest.first?.type ?? "R"
      let run = rest.prefix { $0.type == type }.prefix(Int.random(in: 1...60, using: &rng))
      let batch = run.map { p -> PendingRelationship in
        var map = PropertyMap()
        map.set(w, .int(p.w))
        return PendingRelationship(start: p.start, end: p.end, properties: map)
      }
      batched.createRelationships(type: type, batch)
      rest = rest.dropFirst(run.count)
    }
    #expect(snapshot(batched) == snapshot(single))
    #expect(batched.invariantViolations().isEmpty)
    for value in 0..<5 {
      #expect(batched.indexLookup("w", equalTo: [.int(Int64(value))]) == single.indexLookup("w", equalTo: [.int(Int64(value))]))
    }
  }
}
