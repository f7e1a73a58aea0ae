// The persistent index tree against a plain sorted array under random inserts and removals,
// range scans with every bound kind, and independence of copies.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct SortedIndexTreeTests {
  /// A small deterministic generator so failures reproduce.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 11
    }
  }

  @Test(arguments: [1, 2, 3])
  func matchesASortedArray(seed: UInt64) {
    var rng = Generator(state: seed)
    var tree = SortedIndexTree()
    var reference: [(Int64, Int64)] = []
    for _ in 0..<4000 {
      let key = Int64.random(in: 0..<300, using: &rng)
      let id = Int64.random(in: 0..<50, using: &rng)
      let entry = IndexEntry(key: [.int(key)], id: id)
      let present = reference.contains { $0 == (key, id) }
      if Bool.random(using: &rng) || !present {
        let inserted = tree.insert(entry)
        #expect(inserted == !present)
        if !present { reference.append((key, id)) }
      } else {
        let removed = tree.remove(entry)
        #expect(removed)
        reference.removeAll { $0 == (key, id) }
      }
    }
    reference.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    #expect(tree.count == reference.count)
    #expect(tree.entries.map { [$0.key[0].intValue ?? -1, $0.id] } == reference.map { [$0.0, $0.1] })
    for (low, high) in [(10, 20), (0, 0), (299, 299), (150, 100)] as [(Int64, Int64)] {
      let expected = reference.filter { $0.0 >= low && $0.0 <= high }.map(\.1)
      #expect(tree.ids(from: [.int(low)], to: [.int(high)]) == expected)
      let exclusive = reference.filter { $0.0 > low && $0.0 < high }.map(\.1)
      #expect(tree.ids(from: [.int(low)], inclusive: false, to: [.int(high)], inclusive: false) == exclusive)
    }
    #expect(tree.ids(equalTo: [.int(42)]) == reference.filter { $0.0 == 42 }.map(\.1))
    #expect(tree.ids(from: nil, to: [.int(5)]) == reference.filter { $0.0 <= 5 }.map(\.1))
    #expect(tree.distinctKeys == Set(reference.map(\.0)).count)
  }

  /// A tree built in bulk from sorted entries answers as one built by inserts, and takes
  /// inserts and removals afterwards.
  @Test(arguments: [0, 1, 47, 48, 49, 2304, 10_000])
  func bulkBuiltTreeMatchesInserts(count: Int) {
    let entries = (0..<count).map { IndexEntry(key: [.int(Int64($0 / 3))], id: Int64($0)) }
    var bulk = SortedIndexTree(sorted: entries)
    var inserted = SortedIndexTree()
    for e in entries { inserted.insert(e) }
    #expect(bulk.count == count)
    #expect(bulk.entries.map(\.id) == inserted.entries.map(\.id))
    #expect(bulk.distinctKeys == inserted.distinctKeys)
    for (low, high) in [(0, 0), (5, 17), (700, 3000), (3333, 3333)] as [(Int64, Int64)] {
      #expect(bulk.ids(from: [.int(low)], to: [.int(high)]) == inserted.ids(from: [.int(low)], to: [.int(high)]))
      #expect(
        bulk.ids(from: [.int(low)], inclusive: false, to: [.int(high)], inclusive: false)
          == inserted.ids(from: [.int(low)], inclusive: false, to: [.int(high)], inclusive: false))
    }
    let added = bulk.insert(IndexEntry(key: [.int(5)], id: -1))
    let addedTwice = bulk.insert(IndexEntry(key: [.int(5)], id: -1))
    let removedAgain = bulk.remove(IndexEntry(key: [.int(5)], id: -1))
    #expect(added && !addedTwice && removedAgain)
    if count > 0 {
      let removed = bulk.remove(entries[count / 2])
      #expect(removed)
      #expect(!bulk.ids(equalTo: entries[count / 2].key).contains(entries[count / 2].id))
    }
    #expect(bulk.count == max(0, count - 1))
  }

  @Test func copiesAreIndependent() {
    var a = SortedIndexTree()
    for i in 0..<500 { a.insert(IndexEntry(key: [.int(Int64(i))], id: Int64(i))) }
    var b = a
    b.insert(IndexEntry(key: [.int(1000)], id: 1000))
    b.remove(IndexEntry(key: [.int(7)], id: 7))
    #expect(a.count == 500)
    #expect(b.count == 500)
    #expect(a.ids(equalTo: [.int(7)]) == [7])
    #expect(b.ids(equalTo: [.int(7)]) == [])
    #expect(a.ids(equalTo: [.int(1000)]) == [])
  }

  @Test func numbersCompareAcrossIntegerAndFloat() {
    var t = SortedIndexTree()
    t.insert(IndexEntry(key: [.int(1)], id: 1))
    t.insert(IndexEntry(key: [.float(1.5)], id: 2))
    t.insert(IndexEntry(key: [.string("1")], id: 3))
    #expect(t.ids(equalTo: [.float(1.0)]) == [1])
    #expect(t.ids(from: [.int(1)], to: [.int(2)]) == [1, 2])
  }
}
