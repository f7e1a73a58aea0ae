// Tests of the TCK equality rules and of result comparison: integers versus floats, NaN,
// nodes by labels and properties (not ids), relationships, path direction, list order versus
// ignoring element order, and rows as a bag versus in order.
import Testing

@testable import ConformanceKit
import Quiver

@Suite struct ValueComparatorTests {
  private let strict = ValueComparator()
  private let loose = ValueComparator(ignoresListOrder: true)
  private func v(_ text: String) throws -> Value { try TCKValueParser.parse(text) }

  @Test func integerIsNotFloat() throws {
    #expect(!strict.equal(try v("1"), .float(1.0)))
    #expect(!strict.equal(try v("1.0"), .int(1)))
    #expect(strict.equal(try v("1.0"), .float(1.0)))
    #expect(strict.equal(try v("0.1"), .float(0.1)))
    #expect(!strict.equal(try v("0.1"), .float(0.1 + 0.2 - 0.2)))
  }

  @Test func temporalMatchesItsQuotedText() throws {
    let date = Value.temporal(.date(epochDay: 5397))
    #expect(strict.equal(try v("'1984-10-11'"), date))
    #expect(!strict.equal(try v("'1984-10-12'"), date))
    #expect(!strict.equal(try v("'1984-10-11'"), .string("1984-10-12")))
    #expect(!strict.equal(try v("1984"), date))
    #expect(strict.equal(try v("['PT12S']"), .list([.temporal(.duration(months: 0, days: 0, seconds: 12, nanoseconds: 0))])))
  }

  @Test func nanEqualsNanForComparison() throws {
    #expect(strict.equal(try v("NaN"), .float(.nan)))
    #expect(!strict.equal(try v("NaN"), .float(0)))
    #expect(strict.equal(try v("-Inf"), .float(-.infinity)))
  }

  @Test func nodesCompareByLabelSetAndPropertiesNotId() throws {
    let actual = Value.node(Node(id: 99, labels: ["B", "A"], properties: ["k": 1]))
    #expect(strict.equal(try v("(:A:B {k: 1})"), actual))
    #expect(!strict.equal(try v("(:A {k: 1})"), actual))
    #expect(!strict.equal(try v("(:A:B {k: 1.0})"), actual))
    #expect(!strict.equal(try v("(:A:B)"), actual))
    #expect(!strict.equal(try v("(:A:B {k: 1, j: null})"), actual))
  }

  @Test func relationshipsCompareByTypeAndProperties() throws {
    let actual = Value.relationship(Relationship(id: 5, type: "T", startID: 1, endID: 2, properties: ["w": "x"]))
    #expect(strict.equal(try v("[:T {w: 'x'}]"), actual))
    #expect(!strict.equal(try v("[:U {w: 'x'}]"), actual))
    #expect(!strict.equal(try v("[:T]"), actual))
  }

  @Test func pathsCompareElementWiseWithDirection() throws {
    let a = Node(id: 10, labels: ["A"])
    let b = Node(id: 20, labels: ["B"])
    let aToB = Relationship(id: 1, type: "T", startID: 10, endID: 20)
    let forward = Value.path(Path(nodes: [a, b], relationships: [aToB]))
    #expect(strict.equal(try v("<(:A)-[:T]->(:B)>"), forward))
    #expect(!strict.equal(try v("<(:A)<-[:T]-(:B)>"), forward))
    let backward = Value.path(Path(nodes: [b, a], relationships: [aToB]))
    #expect(strict.equal(try v("<(:B)<-[:T]-(:A)>"), backward))
    #expect(!strict.equal(try v("<(:B)-[:T]->(:A)>"), backward))
    #expect(!strict.equal(try v("<(:A)>"), forward))
    #expect(TCKValueRenderer.render(backward) == "<(:B)<-[:T]-(:A)>")
  }

  @Test func listOrderMattersUnlessIgnored() throws {
    let actual = Value.list([.int(2), .int(1), .list([.int(4), .int(3)])])
    #expect(!strict.equal(try v("[1, 2, [3, 4]]"), actual))
    #expect(loose.equal(try v("[1, 2, [3, 4]]"), actual))
    #expect(!loose.equal(try v("[1, 2, [3, 4], 5]"), actual))
    #expect(!loose.equal(try v("[1, 1, [3, 4]]"), actual))
    #expect(strict.equal(try v("[2, 1, [4, 3]]"), actual))
  }

  @Test func mapKeyOrderIsIrrelevant() throws {
    #expect(strict.equal(try v("{b: 2, a: 1}"), .map(["a": 1, "b": 2])))
    #expect(!strict.equal(try v("{a: 1}"), .map(["a": 1, "b": 2])))
  }

  private func expectation(_ rows: [[String]], ordered: Bool, ignoring: Bool = false) throws -> ResultExpectation {
    try StepTables.result(DataTable(rows: rows), ordered: ordered, ignoresListOrder: ignoring)
  }

  @Test func rowsAsBagOrSequence() throws {
    let actual = QueryResult(columns: ["n"], rows: [[.int(2)], [.int(1)], [.int(1)]])
    let bag = try expectation([["n"], ["1"], ["1"], ["2"]], ordered: false)
    #expect(ResultComparator.mismatch(bag, actual) == nil)
    let ordered = try expectation([["n"], ["1"], ["1"], ["2"]], ordered: true)
    #expect(ResultComparator.mismatch(ordered, actual) == "row 1 differs (in order; expected 3 rows, got 3): expected | 1 |, got | 2 |")
    let duplicateMissing = try expectation([["n"], ["1"], ["2"], ["2"]], ordered: false)
    #expect(ResultComparator.mismatch(duplicateMissing, actual) == "rows differ (any order; expected 3 rows, got 3); missing row | 2 |; unexpected row | 1 |")
  }

  @Test func columnsMustMatchInOrder() throws {
    let actual = QueryResult(columns: ["b", "a"], rows: [[.int(1), .int(2)]])
    let swapped = try expectation([["a", "b"], ["2", "1"]], ordered: false)
    #expect(ResultComparator.mismatch(swapped, actual) == "columns differ: expected | a | b |, got | b | a |")
  }

  @Test func ignoringListOrderAppliesInsideRows() throws {
    let actual = QueryResult(columns: ["l"], rows: [[.list(["b", "a"])]])
    #expect(ResultComparator.mismatch(try expectation([["l"], ["['a', 'b']"]], ordered: true, ignoring: true), actual) == nil)
    #expect(ResultComparator.mismatch(try expectation([["l"], ["['a', 'b']"]], ordered: true), actual) != nil)
  }
}
