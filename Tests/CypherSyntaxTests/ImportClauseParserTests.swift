// Parser tests of LOAD CSV and CALL { … } IN TRANSACTIONS: the trees they make, their defaults,
// and the syntax errors of their keywords.
import GraphCore
import Testing

@testable import CypherSyntax

@Suite struct ImportClauseParserTests {
  private func clauses(_ q: String) throws -> [Clause] {
    try Parser.parse(q).query.parts[0].clauses
  }

  @Test func loadCSVWithHeadersAndTerminator() throws {
    let cs = try clauses("load csv with headers from 'file:///a.csv' as row fieldterminator '\\t' RETURN row")
    guard case .loadCSV(let load) = cs[0] else {
      Issue.record("expected LOAD CSV")
      return
    }
    #expect(load.withHeaders)
    #expect(load.url == .literal(.string("file:///a.csv")))
    #expect(load.variable == "row")
    #expect(load.fieldTerminator == "\t")
  }

  @Test func loadCSVDefaults() throws {
    guard case .loadCSV(let load) = try clauses("LOAD CSV FROM $u AS r RETURN r")[0] else {
      Issue.record("expected LOAD CSV")
      return
    }
    #expect(!load.withHeaders)
    #expect(load.fieldTerminator == nil)
  }

  @Test func inTransactionsWithEveryModifier() throws {
    let cs = try clauses("UNWIND [1] AS i CALL (i) { CREATE ({v: i}) } IN TRANSACTIONS OF 500 ROWS ON ERROR CONTINUE REPORT STATUS AS s RETURN s")
    guard case .subqueryInTransactions(_, let imports, let tx, _) = cs[1] else {
      Issue.record("expected IN TRANSACTIONS")
      return
    }
    #expect(imports == .names(["i"]))
    #expect(tx.batchSize == .literal(.int(500)))
    #expect(tx.onError == .continue)
    #expect(tx.status == "s")
  }

  @Test func inTransactionsDefaults() throws {
    guard case .subqueryInTransactions(_, _, let tx, _) = try clauses("UNWIND [1] AS i CALL { WITH i CREATE () } IN TRANSACTIONS")[1] else {
      Issue.record("expected IN TRANSACTIONS")
      return
    }
    #expect(tx.batchSize == nil)
    #expect(tx.onError == .fail)
    #expect(tx.status == nil)
  }

  /// The new words stay usable as names.
  @Test func keywordsRemainNames() throws {
    let cs = try clauses("WITH 1 AS load, 2 AS csv, 3 AS rows, 4 AS status RETURN load + csv + rows + status AS error")
    #expect(cs.count == 2)
  }

  @Test(arguments: [
    ("LOAD CSV 'a.csv' AS r RETURN r", 1, 10, "unexpected string literal, expected FROM"),
    ("LOAD CSV FROM 'a.csv' r RETURN r", 1, 23, "unexpected 'r', expected AS"),
    ("LOAD CSV FROM 'a' AS r FIELDTERMINATOR x RETURN r", 1, 40, "unexpected 'x', expected a string after FIELDTERMINATOR"),
    ("CALL { CREATE () } IN TRANSACTIONS OF 5", 1, 40, "unexpected end of input, expected ROWS after the batch size"),
    ("CALL { CREATE () } IN TRANSACTIONS ON ERROR RETRY", 1, 45, "unexpected 'RETRY', expected CONTINUE, BREAK or FAIL after ON ERROR"),
    ("CALL { CREATE () } IN TRANSACTIONS REPORT AS s", 1, 43, "unexpected 'AS', expected STATUS"),
  ])
  func syntaxErrors(_ q: String, _ line: Int, _ column: Int, _ message: String) {
    guard let e = parseError(q) else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(e.category == .syntax)
    #expect(e.position?.line == line)
    #expect(e.position?.column == column)
    #expect(e.message == message)
  }
}
