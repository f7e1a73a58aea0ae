// The narrow id columns of the relationship table: ids round-trip at 32 (16) bits, vacant slots
// read -1, the first id that does not fit widens the column with every earlier id unchanged
// (one by one, through appends, bulk appends and writes), copies stay apart, and the table and
// its footprint estimate use the narrow widths.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct CompactIDColumnTests {
  /// Node ids around the edges of the narrow range, with vacant slots between them.
  static let narrowIDs: [Int64] = [0, 1, -1, 4_294_967_294, 123_456_789, -1, 65_535, 2_147_483_648]

  /// `n` ids: every seventh vacant, the others `i * 3`.
  private func ids(_ n: Int) -> [Int64] { (0..<n).map { $0 % 7 == 3 ? -1 : Int64($0) * 3 } }

  /// Every id of `column`, read one by one.
  private func read<N, W>(_ column: CompactIDColumn<N, W>) -> [W] { (0..<column.count).map { column[$0] } }

  @Test func narrowColumnRoundTripsIDs() {
    var column = NodeIDColumn()
    for id in Self.narrowIDs { column.append(id) }
    #expect(!column.isWide)
    #expect(column.stride == 4)
    #expect(column.count == Self.narrowIDs.count)
    for (i, id) in Self.narrowIDs.enumerated() { #expect(column[i] == id) }
    var seen: [Int64] = []
    column.forEach { i, id in
      #expect(i == seen.count)
      seen.append(id)
    }
    #expect(seen == Self.narrowIDs)
  }

  @Test func writesInPlaceStayNarrow() {
    var column = NodeIDColumn()
    for id in ids(300) { column.append(id) }
    column[5] = -1
    column[200] = 4_294_967_294
    column[299] = 0
    #expect(!column.isWide)
    var expected = ids(300)
    expected[5] = -1
    expected[200] = 4_294_967_294
    expected[299] = 0
    #expect(read(column) == expected)
  }

  /// The first id without a narrow form: 2^32 - 1 (the narrow sentinel itself), 2^32, the
  /// largest id, and ids below -1.
  @Test(arguments: [4_294_967_295, 4_294_967_296, Int64.max, -2, Int64.min] as [Int64])
  func appendingAWideIDWidensAndKeepsEarlierIDs(wideID: Int64) {
    var column = NodeIDColumn()
    let before = ids(300)
    for id in before { column.append(id) }
    #expect(!column.isWide)
    column.append(wideID)
    #expect(column.isWide)
    #expect(column.stride == 8)
    #expect(column.count == 301)
    for (i, id) in before.enumerated() { #expect(column[i] == id, "id \(i)") }
    #expect(column[300] == wideID)
    // Wide for good: small ids and vacant slots after it read back too.
    column.append(7)
    column.append(-1)
    column[0] = -1
    #expect(column.isWide)
    #expect(column[301] == 7)
    #expect(column[302] == -1)
    #expect(column[0] == -1)
  }

  @Test(arguments: [4_294_967_295, 1 << 40] as [Int64])
  func writingAWideIDWidensAndKeepsEveryOtherID(wideID: Int64) {
    var column = NodeIDColumn()
    let before = ids(1000)
    for id in before { column.append(id) }
    column[500] = wideID
    #expect(column.isWide)
    var expected = before
    expected[500] = wideID
    #expect(read(column) == expected)
  }

  @Test func bulkAppendsStayNarrowWhenEveryIDFits() {
    var column = NodeIDColumn()
    // Five single ids first, so that the bulk run starts inside a leaf.
    for id in Self.narrowIDs.prefix(5) { column.append(id) }
    let bulk = ids(700) + [4_294_967_294, -1]
    column.append(contentsOf: bulk)
    column.append(contentsOf: [])
    #expect(!column.isWide)
    #expect(read(column) == Array(Self.narrowIDs.prefix(5)) + bulk)
  }

  @Test(arguments: [4_294_967_295, 1 << 33, -2] as [Int64])
  func bulkAppendWithAWideIDWidens(wideID: Int64) {
    var column = NodeIDColumn()
    let first = ids(256)
    column.append(contentsOf: first)
    #expect(!column.isWide)
    var second = ids(300)
    second[299] = wideID
    column.append(contentsOf: second)
    #expect(column.isWide)
    #expect(read(column) == first + second)
  }

  @Test func copiesStayIndependent() {
    var original = NodeIDColumn()
    let values = ids(1000)
    original.append(contentsOf: values)
    var narrowCopy = original
    narrowCopy[10] = 42
    narrowCopy.append(99)
    var wideCopy = original
    wideCopy[900] = 1 << 35
    #expect(read(original) == values)
    #expect(!original.isWide)
    var changed = values
    changed[10] = 42
    #expect(read(narrowCopy) == changed + [99])
    #expect(!narrowCopy.isWide)
    changed = values
    changed[900] = 1 << 35
    #expect(read(wideCopy) == changed)
    // A copy of a wide column stays apart from it too.
    var wideCopyCopy = wideCopy
    wideCopyCopy[0] = 5
    #expect(wideCopy[0] == values[0])
    #expect(wideCopyCopy[0] == 5)
  }

  @Test func typeColumnWidensPast65534() {
    var column = TypeIDColumn()
    let types: [TypeID] = [0, -1, 3, 65_534, -1]
    column.append(contentsOf: types)
    #expect(!column.isWide)
    #expect(column.stride == 2)
    #expect(read(column) == types)
    column.append(65_535)
    #expect(column.isWide)
    #expect(column.stride == 4)
    column.append(.max)
    #expect(read(column) == types + [65_535, .max])
  }

  @Test func tableReadsVacantSlotsAsMinusOne() {
    var store = GraphStore()
    for _ in 0..<3 { store.createNode(labels: [], properties: [:]) }
    let a = store.createRelationship(type: "A", from: 0, to: 1, properties: [:])
    let b = store.createRelationship(type: "B", from: 1, to: 2, properties: ["w": .int(4)])
    store.appendVacantRelationshipSlot()
    let c = store.createRelationship(type: "A", from: 2, to: 0, properties: [:])
    let deleted = store.deleteRelationship(b)
    #expect(deleted)
    let table = store.relationships
    #expect(!table.starts.isWide)
    #expect(!table.ends.isWide)
    #expect(!table.types.isWide)
    #expect((0..<4).map { table.starts[$0] } == [0, -1, -1, 2])
    #expect((0..<4).map { table.ends[$0] } == [1, -1, -1, 0])
    #expect((0..<4).map { table.types[$0] } == [0, -1, -1, 0])
    #expect(store.relationship(a)?.start == 0)
    #expect(store.relationship(c)?.end == 0)
    #expect(store.invariantViolations() == [])
  }

  @Test func tableBulkAppendWidensOnAWideNodeID() {
    var table = RelationshipTable()
    table.append(types: [0, -1, 1], starts: [2, -1, 7], ends: [3, -1, 1 << 32], positions: [0, 0, 0], liveWords: [0b101])
    #expect(!table.starts.isWide)
    #expect(table.ends.isWide)
    #expect(!table.types.isWide)
    #expect((0..<3).map { table.starts[$0] } == [2, -1, 7])
    #expect((0..<3).map { table.ends[$0] } == [3, -1, 1 << 32])
    #expect((0..<3).map { table.types[$0] } == [0, -1, 1])
  }

  /// 1,000 relationships: 8 leaves of 128 ids in each column (2-byte types, 4-byte start, end
  /// and position) plus their inner levels, and one leaf of the 16-word live bitmap.
  @Test func footprintUsesTheNarrowStrides() {
    var store = GraphStore()
    for _ in 0..<10 { store.createNode(labels: [], properties: [:]) }
    for i in 0..<1000 { store.createRelationship(type: "R", from: Int64(i % 10), to: Int64(i % 7), properties: [:]) }
    let table = store.footprint().first { $0.name == "relationship table" }?.bytes
    let inner = (32 + 64 + 15) / 16 * 16 + (32 + 8 + 15) / 16 * 16
    let types = 8 * (32 + 128 * 2) + inner
    let fourBytes = 8 * (32 + 128 * 4) + inner
    let live = (32 + 128 * 8) + 2 * ((32 + 8 + 15) / 16 * 16)
    #expect(table == types + 3 * fourBytes + live)
    #expect(table == 17_088)
  }
}
