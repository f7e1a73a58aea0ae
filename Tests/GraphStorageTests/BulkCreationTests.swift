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
  /// A batch handed over as columns (no map per relationship) leaves the store as the same batch
  /// of maps does: nulls store nothing, every value reads back, and with an index on the type or
  /// a change log the maps' path is taken.
  @Test(arguments: [false, true])
  func columnsEqualMaps(indexed: Bool) throws {
    var base = GraphStore()
    for _ in 0..<5 { base.createNode(labels: ["N"], properties: [:]) }
    if indexed { try base.createIndex(IndexDefinition(name: "rw", entity: .relationship, label: "R", properties: ["w"])) }
    let w = base.internPropertyKey("w"), s = base.internPropertyKey("s")
    var columns = PendingRelationshipColumns()
    var maps: [PendingRelationship] = []
    for i in 0..<40 {
      var map = PropertyMap()
      let weight: Value = i % 7 == 0 ? .null : .float(Double(i) / 2)
      columns.add(w, weight)
      map.set(w, weight)
      if i % 3 == 0 {
        columns.add(s, .string("s\(i % 4)"))
        map.set(s, .string("s\(i % 4)"))
      }
      columns.append(start: Int64(i % 5), end: Int64((i * 3) % 5))
      maps.append(PendingRelationship(start: Int64(i % 5), end: Int64((i * 3) % 5), properties: map))
    }
    var a = base, b = base
    #expect(a.createRelationships(type: "R", columns: columns) == 0)
    #expect(b.createRelationships(type: "R", maps, linking: false) == 0)
    a.compactAdjacency()
    b.compactAdjacency()
    #expect(snapshot(a) == snapshot(b))
    #expect(a.relationshipProperties(7)?.isEmpty == true)
    #expect(a.relationshipProperties(3)?["s"]?.stringValue == "s3")
    #expect(a.relationshipProperty(5, "w")??.doubleValue == 2.5)
    #expect(a.invariantViolations() == [])
    if indexed {
      #expect(a.indexLookup("rw", from: [.float(2.5)], inclusive: true, to: [.float(2.5)], inclusive: true) == [5])
    }
  }
}
