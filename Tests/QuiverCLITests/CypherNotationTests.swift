// Value-by-value checks of how results are written in table cells: Cypher notation with
// sorted keys, raw top-level strings, quoted nested strings, floats that look like floats.
import Quiver
import QuiverShellSupport
import Testing

@Suite("Cypher notation of values")
struct CypherNotationTests {
  static let alice = Node(id: 1, labels: ["Person"], properties: ["name": "Alice", "age": 25])
  static let a = Node(id: 10, labels: ["A"])
  static let b = Node(id: 11, labels: ["B"])

  @Test(
    "scalars",
    arguments: [
      (Value.null, "null"), (true, "true"), (false, "false"), (42, "42"), (-7, "-7"),
      (.int(Int64.max), "9223372036854775807"), (1.0, "1.0"), (2.5, "2.5"), (-0.5, "-0.5"),
      (100.0, "100.0"), (1e20, "1e+20"), (1.5e-7, "1.5e-07"), (.float(.nan), "NaN"),
      (.float(.infinity), "Infinity"), (.float(-.infinity), "-Infinity"),
    ] as [(Value, String)])
  func scalar(value: Value, expected: String) {
    #expect(CypherNotation.cell(value) == expected)
    #expect(CypherText.literal(value) == expected)
  }

  @Test("a top-level string is shown raw, a nested one quoted")
  func strings() {
    #expect(CypherNotation.cell("Alice") == "Alice")
    #expect(CypherText.literal("Alice") == "'Alice'")
    #expect(CypherNotation.cell(["Alice"]) == "['Alice']")
    #expect(CypherNotation.cell("") == "")
    #expect(CypherText.literal("") == "''")
  }

  @Test(
    "quoted strings escape quotes, backslashes and control characters",
    arguments: [
      ("it's", #"'it\'s'"#), (#"a\b"#, #"'a\\b'"#), ("line\nbreak", #"'line\nbreak'"#),
      ("tab\there", #"'tab\there'"#), ("bell\u{07}", #"'bell\u0007'"#),
      ("say \"hi\"", #"'say "hi"'"#), ("名前", "'名前'"),
    ])
  func quoted(text: String, expected: String) {
    #expect(CypherText.quoted(text) == expected)
  }

  @Test(
    "lists and maps",
    arguments: [
      (Value.list([1, "a", nil, 2.0]), "[1, 'a', null, 2.0]"), ([], "[]"), ([:], "{}"),
      ([[1, 2], [3]], "[[1, 2], [3]]"), (["b": 2, "a": "x"], "{a: 'x', b: 2}"),
      (["my key": 1], "{`my key`: 1}"), (["odd`name": true], "{`odd``name`: true}"),
      (["list": [1.5, nil], "map": ["k": "v"]], "{list: [1.5, null], map: {k: 'v'}}"),
    ] as [(Value, String)])
  func collection(value: Value, expected: String) {
    #expect(CypherNotation.cell(value) == expected)
  }

  @Test(
    "nodes",
    arguments: [
      (Value.node(alice), "(:Person {age: 25, name: 'Alice'})"),
      (.node(Node(id: 2)), "()"),
      (.node(Node(id: 3, properties: ["name": "Bob"])), "({name: 'Bob'})"),
      (.node(Node(id: 4, labels: ["A", "B"])), "(:A:B)"),
      (.node(Node(id: 5, labels: ["Two Words"])), "(:`Two Words`)"),
      (.list([.node(a), .node(b)]), "[(:A), (:B)]"),
    ] as [(Value, String)])
  func node(value: Value, expected: String) {
    #expect(CypherNotation.cell(value) == expected)
  }

  @Test(
    "relationships",
    arguments: [
      (
        Value.relationship(
          Relationship(id: 1, type: "KNOWS", startID: 1, endID: 2, properties: ["weight": 5])),
        "[:KNOWS {weight: 5}]"
      ),
      (.relationship(Relationship(id: 2, type: "KNOWS", startID: 1, endID: 2)), "[:KNOWS]"),
      (
        .relationship(
          Relationship(id: 3, type: "R", properties: ["since": 2020, "note": "x"])),
        "[:R {note: 'x', since: 2020}]"
      ),
    ] as [(Value, String)])
  func relationship(value: Value, expected: String) {
    #expect(CypherNotation.cell(value) == expected)
  }

  @Test("paths point each arrow the way its relationship goes")
  func paths() {
    let (a, b) = (Self.a, Self.b)
    let forward = Relationship(id: 1, type: "T", startID: a.id, endID: b.id)
    let backward = Relationship(id: 2, type: "T", startID: b.id, endID: a.id)
    let c = Node(id: 12, labels: ["C"], properties: ["n": 1])
    let toC = Relationship(id: 3, type: "U", startID: c.id, endID: b.id, properties: ["w": 2])
    #expect(
      CypherNotation.cell(.path(Path(nodes: [a, b], relationships: [forward])))
        == "<(:A)-[:T]->(:B)>")
    #expect(
      CypherNotation.cell(.path(Path(nodes: [a, b], relationships: [backward])))
        == "<(:A)<-[:T]-(:B)>")
    #expect(
      CypherNotation.cell(.path(Path(nodes: [a, b, c], relationships: [forward, toC])))
        == "<(:A)-[:T]->(:B)<-[:U {w: 2}]-(:C {n: 1})>")
    #expect(CypherNotation.cell(.path(Path(nodes: [a], relationships: []))) == "<(:A)>")
  }
}
