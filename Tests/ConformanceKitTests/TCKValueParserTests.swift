// Tests of the TCK value notation parser, one notation at a time: scalars, floats with
// exponents and NaN/Inf, string escapes, lists, maps with backquoted keys, nodes,
// relationships, paths in both directions, and the errors for bad text.
import Testing

@testable import ConformanceKit
import Quiver

@Suite struct TCKValueParserTests {
  private func parse(_ text: String) throws -> Value { try TCKValueParser.parse(text) }
  private func rendered(_ text: String) throws -> String { TCKValueRenderer.render(try parse(text)) }

  @Test func scalars() throws {
    #expect(try parse("null").isNull)
    #expect(try parse("true").boolValue == true)
    #expect(try parse("false").boolValue == false)
    #expect(try parse("42").intValue == 42)
    #expect(try parse("-7").intValue == -7)
    #expect(try parse("-9223372036854775808").intValue == Int64.min)
    #expect(try parse("0x1F").intValue == 31)
  }

  @Test func floats() throws {
    #expect(try parse("1.5").doubleValue == 1.5)
    #expect(try parse("1.0").intValue == nil)
    #expect(try parse("1.0").doubleValue == 1.0)
    #expect(try parse(".5").doubleValue == 0.5)
    #expect(try parse("1e10").doubleValue == 1e10)
    #expect(try parse("1e-305").doubleValue == 1e-305)
    #expect(try parse("-1.2635418652381264e305").doubleValue == -1.2635418652381264e305)
    #expect(try parse("Inf").doubleValue == .infinity)
    #expect(try parse("-Inf").doubleValue == -.infinity)
    #expect(try parse("NaN").doubleValue?.isNaN == true)
  }

  @Test func stringsWithEscapes() throws {
    #expect(try parse("'text'").stringValue == "text")
    #expect(try parse("''").stringValue == "")
    #expect(try parse(#"'\''"#).stringValue == "'")
    #expect(try parse(#"'a\\bcn5t\'"\\//\\"\''"#).stringValue == #"a\bcn5t'"\//\"'"#)
    #expect(try parse(#"'\n\t\r\"'"#).stringValue == "\n\t\r\"")
    #expect(try parse(#"'\u00e9\U0001F600'"#).stringValue == "é😀")
    #expect(try parse(#"'\uD83D\uDE00'"#).stringValue == "😀")
    #expect(try parse("\"double\"").stringValue == "double")
    #expect(try parse("'Malmö'").stringValue == "Malmö")
  }

  @Test func listsAndMaps() throws {
    #expect(try rendered("[1, 'a', [], [null]]") == "[1, 'a', [], [null]]")
    #expect(try rendered("{ }") == "{}")
    #expect(try rendered("{name: 'Mats', `n.x`: 1, `a``b`: 2}") == "{`a``b`: 2, `n.x`: 1, name: 'Mats'}")
    guard case .map(let m) = try parse("{k: [1, {j: 2.5}]}") else {
      Issue.record("not a map")
      return
    }
    #expect(m["k"]?.listValue?.count == 2)
  }

  @Test func nodes() throws {
    let n = try #require(try parse("(:A:B {k: 1, name: 'x'})").nodeValue)
    #expect(n.labels == ["A", "B"])
    #expect(n.properties["k"]?.intValue == 1)
    #expect(n.properties["name"]?.stringValue == "x")
    let empty = try #require(try parse("()").nodeValue)
    #expect(empty.labels.isEmpty && empty.properties.isEmpty)
    #expect(try rendered("({name: 'A'})") == "({name: 'A'})")
    #expect(try rendered("(:`Odd Label`)") == "(:`Odd Label`)")
  }

  @Test func relationships() throws {
    let r = try #require(try parse("[:T {k: 1}]").relationshipValue)
    #expect(r.type == "T")
    #expect(r.properties["k"]?.intValue == 1)
    #expect(try rendered("[:KNOWS]") == "[:KNOWS]")
    #expect(try rendered("[ :T ]") == "[:T]")
  }

  @Test func pathsKeepDirection() throws {
    guard case .path(let forward) = try parse("<(:A)-[:T]->(:B)>") else {
      Issue.record("not a path")
      return
    }
    #expect(forward.nodes.map(\.labels) == [["A"], ["B"]])
    #expect(forward.relationships[0].startID == forward.nodes[0].id)
    guard case .path(let backward) = try parse("<(:A)<-[:T]-(:B)>") else {
      Issue.record("not a path")
      return
    }
    #expect(backward.relationships[0].startID == backward.nodes[1].id)
    #expect(backward.relationships[0].endID == backward.nodes[0].id)
    guard case .path(let single) = try parse("<()>") else {
      Issue.record("not a path")
      return
    }
    #expect(single.nodes.count == 1 && single.relationships.isEmpty)
    #expect(try rendered("<(:A {name: 'A'})-[:KNOWS]->(:B)<-[:X]-()>") == "<(:A {name: 'A'})-[:KNOWS]->(:B)<-[:X]-()>")
  }

  @Test func badTextIsAnErrorNotACrash() {
    for bad in ["", "'open", "[1, 2", "{k 1}", "(:A", "<(:A)-[:T]-(:B)>", "1 2", "abc", "99999999999999999999", "'\\q'", "{k: 1, k: 2}", "[:]"] {
      #expect(throws: TCKValueError.self, "\(bad)") { try TCKValueParser.parse(bad) }
    }
  }
}
