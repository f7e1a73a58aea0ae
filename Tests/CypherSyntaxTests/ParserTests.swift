// Parser tests: the trees of representative statements, operator precedence, and the position
// and wording of syntax errors.
import GraphCore
import Testing

@testable import CypherSyntax

@Suite struct ParserTests {
  private func clauses(_ q: String) throws -> [Clause] {
    try Parser.parse(q).query.parts[0].clauses
  }

  @Test func matchWhereReturn() throws {
    let cs = try clauses("MATCH (a:Person)-[k:KNOWS*1..3]->(b) WHERE a.age > 30 RETURN DISTINCT b.name AS name ORDER BY name DESC SKIP 1 LIMIT 2")
    #expect(cs.count == 2)
    guard case .match(let optional, let patterns, let predicate, _, _) = cs[0] else {
      Issue.record("expected MATCH")
      return
    }
    #expect(!optional)
    #expect(patterns[0].start.variable == "a")
    #expect(patterns[0].start.labels == ["Person"])
    let rel = patterns[0].steps[0].relationship
    #expect(rel.variable == "k")
    #expect(rel.types == ["KNOWS"])
    #expect(rel.direction == .outgoing)
    #expect(rel.length == LengthRange(min: 1, max: 3))
    #expect(predicate == .binary(.greater, .property(.variable("a", Loc(.start)), "age"), .literal(.int(30)), Loc(.start)))
    guard case .return(let p) = cs[1] else {
      Issue.record("expected RETURN")
      return
    }
    #expect(p.distinct)
    #expect(p.items.map(\.name) == ["name"])
    #expect(p.orderBy.map(\.ascending) == [false])
    #expect(p.skip == .literal(.int(1)))
    #expect(p.limit == .literal(.int(2)))
  }

  @Test func columnNamesKeepTheWrittenText() throws {
    guard case .return(let p) = try clauses("RETURN a.name,  count( * ), 1+2")[0] else {
      Issue.record("expected RETURN")
      return
    }
    #expect(p.items.map(\.name) == ["a.name", "count( * )", "1+2"])
  }

  @Test func precedence() throws {
    let e = try Parser.parseExpression("1 + 2 * 3 ^ 2 = 19 AND NOT false OR x XOR y")
    let l = Loc(.start)
    let arithmetic = Expression.binary(.add, .literal(.int(1)), .binary(.multiply, .literal(.int(2)), .binary(.power, .literal(.int(3)), .literal(.int(2)), l), l), l)
    let comparison = Expression.binary(.equal, arithmetic, .literal(.int(19)), l)
    let and = Expression.binary(.and, comparison, .unary(.not, .literal(.bool(false))), l)
    #expect(e == .binary(.or, and, .binary(.xor, .variable("x", l), .variable("y", l), l), l))
  }

  @Test func listElementsAreLiteralsOrWholeExpressions() throws {
    let l = Loc(.start)
    let e = try Parser.parseExpression("[1, 'a', 2.5, -1, 1 + 2, 'b' + 'c', 3.0 IN [3], x, 4]")
    #expect(
      e
        == .list([
          .literal(.int(1)), .literal(.string("a")), .literal(.float(2.5)), .literal(.int(-1)),
          .binary(.add, .literal(.int(1)), .literal(.int(2)), l), .binary(.add, .literal(.string("b")), .literal(.string("c")), l),
          .binary(.in, .literal(.float(3.0)), .list([.literal(.int(3))]), l), .variable("x", l), .literal(.int(4)),
        ]))
    // A literal element still reports what is wrong with it, where it is.
    #expect(throws: QuiverError.self) { try Parser.parseExpression("[1, 99999999999999999999]") }
    #expect(try Parser.parseExpression("[1]") == .list([.literal(.int(1))]))
  }

  @Test func comparisonChainsBecomeConjunctions() throws {
    let e = try Parser.parseExpression("1 < x <= 3")
    let l = Loc(.start)
    #expect(e == .binary(.and, .binary(.less, .literal(.int(1)), .variable("x", l), l), .binary(.lessOrEqual, .variable("x", l), .literal(.int(3)), l), l))
  }

  @Test func directionsAndUndirected() throws {
    guard case .match(_, let ps, _, _, _) = try clauses("MATCH (a)<-[:R]-(b)-[]-(c)-->(d) RETURN a")[0] else {
      Issue.record("expected MATCH")
      return
    }
    #expect(ps[0].steps.map(\.relationship.direction) == [.incoming, .both, .outgoing])
  }

  @Test func literalsAndComprehensions() throws {
    let e = try Parser.parseExpression("[x IN [1, 2.5, 'a', null, true, {k: $p}] WHERE x IS NOT NULL | x]")
    guard case .listComprehension(let v, .list(let items), .some(.isNull(_, true)), .some(.variable("x", _))) = e else {
      Issue.record("unexpected tree \(e)")
      return
    }
    #expect(v == "x")
    #expect(items.count == 6)
    #expect(items[5] == .map([MapEntry(key: "k", value: .parameter("p", Loc(.start)))]))
  }

  @Test func minInt64Literal() throws {
    #expect(try Parser.parseExpression("-9223372036854775808") == .literal(.int(Int64.min)))
  }

  @Test func keywordsAreCaseInsensitive() throws {
    let cs = try clauses("match (n) return n")
    #expect(cs.count == 2)
  }

  @Test(arguments: [
    ("MATCH (n RETURN n", 1, 10, "unexpected 'RETURN', expected ')'"),
    ("MATCH (n)\nRETURN n.", 2, 10, "unexpected end of input, expected a property key"),
    ("RETURN 1 +", 1, 11, "unexpected end of input, expected an expression"),
    ("CREATE (a)-[:R]-", 1, 17, "unexpected end of input, expected '('"),
    ("MATCH (n) RETURN n LIMIT", 1, 25, "unexpected end of input, expected an expression"),
    ("RETURN 9223372036854775808", 1, 8, "integer literal '9223372036854775808' does not fit in 64 bits"),
    ("RETURN 12abc", 1, 8, "invalid integer literal '12abc'"),
    ("RETURN {1B2c: 1}", 1, 9, "unexpected '1B2c', expected a property key"),
  ])
  func syntaxErrors(_ q: String, _ line: Int, _ column: Int, _ message: String) {
    guard let e = parseError(q) else { return }
    #expect(e.category == .syntax)
    #expect(e.position?.line == line)
    #expect(e.position?.column == column)
    #expect(e.message == message)
  }

  @Test func errorRendersCaretUnderTheSpot() {
    let q = "MATCH (n)\nWHERE n.age >\nRETURN n"
    do {
      _ = try Parser.parse(q)
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.render(source: q) == "3:1: SyntaxError: unexpected 'RETURN', expected an expression\n  RETURN n\n  ^")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() throws {
    let q = "RETURN " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let e = try #require(throws: QuiverError.self) { try Parser.parse(q) }
    #expect(e.code == .nestingTooDeep)
    #expect(e.position?.line == 1)
    #expect(e.position?.column == 208)
  }

  @Test(arguments: [" + 1", " OR true", " = 1", " IS NULL", "[0]", ".p", " * 2", " ^ 1"])
  func longOperatorChainsAreBoundedNotACrash(link: String) throws {
    // Each operator of a chain nests the tree one level deeper to the left; later stages walk
    // it recursively, and 50,000 links overflowed the stack.
    let fine = "RETURN x" + String(repeating: link, count: 990)
    #expect(throws: Never.self) { try Parser.parse(fine) }
    let q = "RETURN x" + String(repeating: link, count: 50_000)
    let e = try #require(throws: QuiverError.self) { try Parser.parse(q) }
    #expect(e.code == .nestingTooDeep)
    #expect(e.message.hasPrefix("expression nests deeper than 1000 levels"))
    #expect(e.position?.line == 1)
  }
}

/// Inputs that stop inside a parsing loop (lists, patterns, argument and projection lists, map
/// literals, label lists) end in a syntax error at the place where the loop needed more, rather
/// than hanging or crashing.
@Suite struct ParserLoopTests {
  /// The progress check itself: a loop item that consumes nothing stops the process instead of
  /// spinning on the same token.
  @Test func anIterationThatConsumesNothingTraps() async {
    await #expect(processExitsWith: .failure) {
      var parser = try Parser(", , ,")
      _ = try parser.commaSeparated { _ in 0 }
    }
  }

  @Test(arguments: [
    ("MATCH (a)-[", 1, 12, "unexpected end of input"),
    ("RETURN [1,", 1, 11, "unexpected end of input"),
    ("CALL f(", 1, 8, "unexpected end of input"),
    ("WITH a,", 1, 8, "unexpected end of input"),
    ("MATCH (a:", 1, 10, "unexpected end of input"),
    ("RETURN {a: 1,", 1, 14, "unexpected end of input"),
    ("MATCH (a)\nRETURN a ORDER BY a,", 2, 21, "unexpected end of input"),
    ("MATCH (a), RETURN a", 1, 12, "unexpected 'RETURN'"),
    ("RETURN f(1, , 2)", 1, 13, "unexpected ','"),
    ("MATCH (a)-[:T|]->(b) RETURN a", 1, 15, "unexpected ']'"),
    ("MATCH (a) SET a.x = 1, RETURN a", 1, 24, "unexpected 'RETURN'"),
    ("CALL db.labels() YIELD a,", 1, 26, "unexpected end of input"),
    ("RETURN a[..", 1, 12, "unexpected end of input"),
    ("RETURN n {.a, ", 1, 15, "unexpected end of input"),
    ("FOREACH (x IN [1] | CREATE (a)", 1, 31, "unexpected end of input"),
    ("RETURN 1 IS", 1, 12, "unexpected end of input"),
  ])
  func truncatedInputFailsWhereTheLoopNeededMore(_ q: String, _ line: Int, _ column: Int, _ message: String) {
    guard let e = parseError(q) else { return }
    #expect(e.category == .syntax, "\(q)")
    #expect(e.code == .unexpectedSyntax, "\(q)")
    #expect(e.position?.line == line, "\(q)")
    #expect(e.position?.column == column, "\(q)")
    #expect(e.message.hasPrefix(message), "\(q): \(e.message)")
  }
}

/// The error parsing `q` throws; nil, with the failure recorded, when it parses or throws
/// something else.
func parseError(_ q: String) -> QuiverError? {
  do {
    _ = try Parser.parse(q)
    Issue.record("expected an error for \(q)")
  } catch let e as QuiverError {
    return e
  } catch {
    Issue.record("unexpected \(error)")
  }
  return nil
}
