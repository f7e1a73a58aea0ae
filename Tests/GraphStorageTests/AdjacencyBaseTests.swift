// The compact adjacency rows with their delta: a store compacted at random points reads exactly
// as one that never is (the same relationships, in the same order, by type and direction),
// through creates, deletes and node deletions, and older versions keep what they saw.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct AdjacencyBaseTests {
  private typealias Generator = BulkCreationTests.Generator

  /// Everything a reader can see of each node's adjacency: every direction with all types, one
  /// type, two types in a given order, and the degree.
  private func view(_ store: GraphStore) -> [String] {
    var out: [String] = []
    let typeLists: [[TypeID]?] = [nil, [0], [2, 0], [1]]
    for id in store.allNodeIDs() {
      for direction in [Direction.outgoing, .incoming, .both] {
        for types in typeLists {
          let entries = store.adjacent(to: id, direction: direction, typeIDs: types)
          // Read in place, the same entries in the same order.
          let inPlace = store.adjacentEntries(to: id, direction: direction, typeIDs: types)
          #expect(Array(inPlace) == entries)
          #expect(inPlace.count == entries.count)
          out.append("\(id) \(direction) \(types ?? []): \(entries.map { "\($0.id)>\($0.neighbour)" }.joined(separator: " "))")
        }
      }
      out.append("\(id) degree \(store.degree(of: id))")
    }
    return out
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func compactedStoreReadsAsTheListsDo(seed: UInt64) throws {
    var rng = Generator(state: seed)
    var lists = GraphStore()
    for _ in 0..<25 { _ = lists.createNode(labels: ["N"], properties: [:]) }
    for t in ["A", "B", "C"] { _ = lists.internType(t) }
    var compacted = lists
    var compactions = 0
    for step in 0..<600 {
      let roll = Int.random(in: 0..<100, using: &rng)
      if roll < 60 {
        let nodes = lists.allNodeIDs()
        let a = nodes[Int.random(in: 0..<nodes.count, using: &rng)]
        let b = Int.random(in: 0..<8, using: &rng) == 0 ? a : nodes[Int.random(in: 0..<nodes.count, using: &rng)]
        let type = ["A", "B", "C"][Int.random(in: 0..<3, using: &rng)]
        let x = lists.createRelationship(type: type, from: a, to: b, properties: [:])
        let y = compacted.createRelationship(type: type, from: a, to: b, properties: [:])
        #expect(x == y)
      } else if roll < 85 {
        let rels = lists.allRelationshipIDs()
        guard !rels.isEmpty else { continue }
        let r = rels[Int.random(in: 0..<rels.count, using: &rng)]
        let done1 = lists.deleteRelationship(r)
        #expect(done1)
        let done2 = compacted.deleteRelationship(r)
        #expect(done2)
      } else if roll < 92 {
        // A new node, or deleting a node once its relationships are gone.
        let nodes = lists.allNodeIDs()
        let n = nodes[Int.random(in: 0..<nodes.count, using: &rng)]
        if lists.degree(of: n) == 0 && nodes.count > 5 {
          #expect(compacted.degree(of: n) == 0)
          let done3 = lists.deleteNode(n)
          #expect(done3)
          let done4 = compacted.deleteNode(n)
          #expect(done4)
        } else {
          let x = lists.createNode(labels: [], properties: [:])
          let y = compacted.createNode(labels: [], properties: [:])
          #expect(x == y)
        }
      } else {
        let before = compacted
        let stamp = compacted.stamp
        let pending = compacted.adjacencyDelta
        let done5 = compacted.compactAdjacency()
        #expect(done5 == (pending.relationships > 0 || pending.deletions > 0))
        #expect(compacted.adjacencyDelta.relationships == 0)
        #expect(compacted.adjacencyDelta.deletions == 0)
        // The same graph: the stamp stays, and the version before reads the same.
        #expect(compacted.stamp == stamp)
        #expect(view(before) == view(compacted))
        compactions += 1
      }
      if step % 50 == 0 { #expect(view(compacted) == view(lists)) }
    }
    #expect(compactions > 10)
    #expect(view(compacted) == view(lists))
    // The whole-graph columns too, built from the rows where a node has nothing else: with the
    // last steps' delta and deletions, and once they are folded in.
    for round in 0..<2 {
      if round == 1 {
        compacted.compactAdjacency()
        // A node created after the rows were built has none of their entries.
        let x = compacted.createNode(labels: [], properties: [:])
        let y = lists.createNode(labels: [], properties: [:])
        #expect(x == y)
      }
      for direction in [Direction.outgoing, .incoming, .both] {
        for types in [nil, [0], [1, 2]] as [[TypeID]?] {
          let a = compacted.adjacencyColumn(direction: direction, typeIDs: types, withIDs: true)
          let b = lists.adjacencyColumn(direction: direction, typeIDs: types, withIDs: true)
          #expect(a.offsets == b.offsets)
          #expect(a.neighbours == b.neighbours)
          #expect(a.ids == b.ids)
        }
      }
    }
    #expect(compacted.invariantViolations() == [])
    #expect(lists.invariantViolations() == [])
  }

  @Test func deletingFromTheRowsLeavesOlderVersionsAlone() {
    var store = GraphStore()
    let a = store.createNode(labels: [], properties: [:])
    let b = store.createNode(labels: [], properties: [:])
    let r0 = store.createRelationship(type: "R", from: a, to: b, properties: [:])
    let r1 = store.createRelationship(type: "S", from: a, to: b, properties: [:])
    let r2 = store.createRelationship(type: "R", from: b, to: a, properties: [:])
    #expect(store.adjacencyDelta.relationships == 3)
    let done6 = store.compactAdjacency()
    #expect(done6)
    #expect(store.adjacencyDelta.relationships == 0)
    // Nothing left to fold in.
    let done7 = store.compactAdjacency()
    #expect(!done7)
    let r3 = store.createRelationship(type: "R", from: a, to: b, properties: [:])
    #expect(store.adjacencyDelta.relationships == 1)
    let old = store
    let done8 = store.deleteRelationship(r0)
    #expect(done8)
    let done9 = store.deleteRelationship(r3)
    #expect(done9)
    #expect(store.adjacencyDelta.relationships == 0)
    #expect(store.adjacencyDelta.deletions == 1)
    #expect(store.relationships(of: a, direction: .outgoing, typeIDs: nil) == [r1])
    #expect(store.relationships(of: a, direction: .both, typeIDs: nil) == [r1, r2])
    #expect(store.degree(of: a) == 2)
    #expect(old.relationships(of: a, direction: .outgoing, typeIDs: nil) == [r0, r3, r1])
    #expect(old.degree(of: a) == 4)
    let done10 = store.deleteRelationship(r1)
    #expect(done10)
    let done11 = store.deleteRelationship(r2)
    #expect(done11)
    #expect(store.degree(of: a) == 0)
    let done12 = store.deleteNode(a)
    #expect(done12)
    #expect(store.invariantViolations() == [])
    #expect(old.invariantViolations() == [])
    let done13 = store.compactAdjacency()
    #expect(done13)
    #expect(store.adjacent(to: b, direction: .both, typeIDs: nil) == [])
    #expect(store.invariantViolations() == [])
  }

  @Test func theRowsTakeLessThanTheLists() {
    var store = GraphStore()
    for _ in 0..<200 { _ = store.createNode(labels: [], properties: [:]) }
    for i in 0..<2000 {
      store.createRelationship(type: i % 3 == 0 ? "A" : "B", from: Int64(i % 200), to: Int64((i * 7) % 200), properties: [:])
    }
    func adjacency(_ s: GraphStore) -> Int { s.footprint().first { $0.name == "adjacency" }?.bytes ?? -1 }
    let before = adjacency(store)
    let done14 = store.compactAdjacency()
    #expect(done14)
    let after = adjacency(store)
    // Two directions of (4 + 4 + 2) bytes per relationship and 4 bytes per node id and
    // direction, in eight allocations (each with a header, rounded up, and what malloc adds).
    let payload = 2 * (2000 * 10 + 201 * 4)
    #expect(after >= payload + 8 * 32)
    #expect(after <= payload + 8 * (32 + 64))
    #expect(after * 2 < before)
  }

  @Test func aGraphOfOneTypeHasNoTypeColumn() {
    var store = GraphStore()
    for _ in 0..<100 { _ = store.createNode(labels: [], properties: [:]) }
    for i in 0..<1000 { store.createRelationship(type: "R", from: Int64(i % 100), to: Int64((i * 3) % 100), properties: [:]) }
    _ = store.internType("S")
    let lists = store
    let done15 = store.compactAdjacency()
    #expect(done15)
    // The whole-graph columns, copied from the rows, match those built from the lists.
    for direction in [Direction.outgoing, .incoming] {
      for types in [nil, [0], [1]] as [[TypeID]?] {
        let a = store.adjacencyColumn(direction: direction, typeIDs: types, withIDs: true)
        let b = lists.adjacencyColumn(direction: direction, typeIDs: types, withIDs: true)
        #expect(a.offsets == b.offsets)
        #expect(a.neighbours == b.neighbours)
        #expect(a.ids == b.ids)
      }
    }
    #expect(store.adjacencyColumn(direction: .outgoing, typeIDs: [1], withIDs: false).neighbours == [])
    let adjacency = store.footprint().first { $0.name == "adjacency" }?.bytes ?? -1
    let payload = 2 * (1000 * 8 + 101 * 4)
    #expect(adjacency >= payload + 6 * 32)
    #expect(adjacency <= payload + 6 * (32 + 64))
    let r = store.typeID("R") ?? -1
    let s = store.typeID("S") ?? -1
    #expect(store.adjacent(to: 1, direction: .outgoing, typeIDs: [s]) == [])
    let ofR: [Int64] = (0..<10).map { Int64($0) * 100 + 1 }
    #expect(store.relationships(of: 1, direction: .outgoing, typeIDs: [r]) == ofR)
    #expect(store.relationships(of: 1, direction: .outgoing, typeIDs: [s, r]) == ofR)
    // A relationship of the second type goes to the delta and is read after the rows' type.
    let added = store.createRelationship(type: "S", from: 1, to: 2, properties: [:])
    #expect(store.relationships(of: 1, direction: .outgoing, typeIDs: nil) == ofR + [added])
    #expect(store.invariantViolations() == [])
  }

  /// `count` relationships of types "A" and "B" (alternating runs) over `nodes` nodes, in
  /// batches of `createRelationships`, linked or not.
  private func bulkCreate(_ store: inout GraphStore, count: Int, nodes: Int, linking: Bool, seed: UInt64) {
    var rng = Generator(state: seed)
    var made = 0
    while made < count {
      let n = min(count - made, Int.random(in: 1..<40, using: &rng))
      let batch = (0..<n).map { _ in
        PendingRelationship(
          start: Int64.random(in: 0..<Int64(nodes), using: &rng), end: Int64.random(in: 0..<Int64(nodes), using: &rng),
          properties: PropertyMap())
      }
      store.createRelationships(type: made % 3 == 0 ? "B" : "A", batch, linking: linking)
      made += n
    }
  }

  @Test(arguments: [5, 6] as [UInt64])
  func relationshipsCreatedUnlinkedAreFiledByTheCompaction(seed: UInt64) {
    var linked = GraphStore()
    for _ in 0..<30 { _ = linked.createNode(labels: [], properties: [:]) }
    _ = linked.internType("C")
    var unlinked = linked
    // Into an empty adjacency.
    bulkCreate(&linked, count: 300, nodes: 30, linking: true, seed: seed)
    bulkCreate(&unlinked, count: 300, nodes: 30, linking: false, seed: seed)
    #expect(unlinked.adjacencyDelta.relationships == 0)
    #expect(unlinked.invariantViolations().contains("300 relationships wait for compactAdjacency() to file them"))
    let done16 = unlinked.compactAdjacency()
    #expect(done16)
    #expect(view(unlinked) == view(linked))
    #expect(unlinked.invariantViolations() == [])
    // Into rows that lost some relationships since they were built, with a delta beside them.
    for r in stride(from: 0, to: 300, by: 7) {
      let done17 = linked.deleteRelationship(Int64(r))
      #expect(done17)
      let done18 = unlinked.deleteRelationship(Int64(r))
      #expect(done18)
    }
    let x = linked.createRelationship(type: "C", from: 3, to: 4, properties: [:])
    let y = unlinked.createRelationship(type: "C", from: 3, to: 4, properties: [:])
    #expect(x == y)
    bulkCreate(&linked, count: 200, nodes: 30, linking: true, seed: seed + 10)
    bulkCreate(&unlinked, count: 200, nodes: 30, linking: false, seed: seed + 10)
    #expect(unlinked.adjacencyDelta.relationships == 1)
    #expect(unlinked.adjacencyDelta.deletions == 43)
    let stamp = unlinked.stamp
    let done19 = unlinked.compactAdjacency()
    #expect(done19)
    #expect(unlinked.stamp == stamp)
    #expect(unlinked.adjacencyDelta.relationships == 0)
    #expect(unlinked.adjacencyDelta.deletions == 0)
    #expect(view(unlinked) == view(linked))
    #expect(unlinked.invariantViolations() == [])
    #expect(linked.invariantViolations() == [])
  }

  @Test func relationshipsCreatedUnlinkedGoToTheListsWhenTheRowsCannotHoldThem() {
    var linked = GraphStore()
    for _ in 0..<20 { _ = linked.createNode(labels: [], properties: [:]) }
    bulkCreate(&linked, count: 60, nodes: 20, linking: true, seed: 9)
    let done20 = linked.compactAdjacency()
    #expect(done20)
    // More types than the rows' 16-bit type column holds.
    for t in 0...Int(UInt16.max) { _ = linked.internType("T\(t)") }
    var unlinked = linked
    bulkCreate(&linked, count: 50, nodes: 20, linking: true, seed: 11)
    bulkCreate(&unlinked, count: 50, nodes: 20, linking: false, seed: 11)
    let done21 = unlinked.compactAdjacency()
    #expect(!done21)
    // Every relationship now sits in the lists.
    #expect(unlinked.adjacencyDelta.relationships == 110)
    #expect(unlinked.adjacencyDelta.deletions == 0)
    #expect(view(unlinked) == view(linked))
    #expect(unlinked.invariantViolations() == [])
  }
}
