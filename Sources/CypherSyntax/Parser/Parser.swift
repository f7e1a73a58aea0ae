// The hand-written recursive-descent Cypher parser: statements, UNION and the token helpers the
// clause, pattern and expression productions share. Each production is one function named after
// its rule in grammar/cypher.ebnf; errors name line, column, the token found and what was expected.
import GraphCore

/// Parses Cypher text into a `Statement`.
package struct Parser {
  var tokens: TokenBuffer
  var index = 0
  let source: [UInt8]
  var depth = 0
  /// The deepest nesting reached so far (`measuredParse` reports it, so that a database's lower
  /// limit can be checked against a cached plan).
  var deepest = 0
  /// Deep nesting beyond this is an error rather than a stack overflow; a database may set a
  /// lower limit (`maxDepth`), never a higher one, since later stages recurse as deep.
  static let depthCeiling = 200
  /// The nesting limit of this parse: `depthCeiling` or lower.
  let maxDepth: Int
  /// Levels of the expression tree being built: nesting, plus one per operator of a chain
  /// (`1 + 1 + …` nests to the left), which the later stages walk recursively.
  var treeDepth = 0
  /// A deeper expression tree is an error rather than a stack overflow in a later stage.
  static let maxTreeDepth = 1_000

  package init(_ text: String, maxDepth: Int = Parser.depthCeiling) throws {
    tokens = try Lexer.tokens(text)
    source = Array(text.utf8)
    self.maxDepth = min(maxDepth, Parser.depthCeiling)
  }

  /// Parses one statement (an optional trailing `;` is allowed), refusing nesting deeper than
  /// `maxDepth` (at most `depthCeiling`).
  package static func parse(_ text: String, maxDepth: Int = Parser.depthCeiling) throws -> Statement {
    var parser = try Parser(text, maxDepth: maxDepth)
    return try parser.statement()
  }

  /// Parses one statement as `parse` does, and tells how deep its expressions and patterns nest.
  package static func measuredParse(_ text: String) throws -> (statement: Statement, nestingDepth: Int) {
    var parser = try Parser(text)
    let statement = try parser.statement()
    return (statement, parser.deepest)
  }

  /// Parses a standalone expression (used by the shell's `:param` and by tests).
  package static func parseExpression(_ text: String) throws -> Expression {
    var parser = try Parser(text)
    let e = try parser.expression()
    guard parser.current.kind == .endOfInput else { throw parser.unexpected(expected: "end of expression") }
    return e
  }

  var current: Token { tokens[index] }

  func peek(_ ahead: Int = 1) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  func at(_ keyword: Keyword) -> Bool { current.keyword == keyword }

  func atSymbol(_ s: String) -> Bool { current.isSymbol(s) }

  /// Consumes the keyword when it is next.
  mutating func eat(_ keyword: Keyword) -> Bool {
    guard at(keyword) else { return false }
    advance()
    return true
  }

  mutating func eatSymbol(_ s: String) -> Bool {
    guard atSymbol(s) else { return false }
    advance()
    return true
  }

  mutating func expect(_ keyword: Keyword) throws {
    guard eat(keyword) else { throw unexpected(expected: keyword.rawValue) }
  }

  mutating func expectSymbol(_ s: String) throws {
    guard eatSymbol(s) else { throw unexpected(expected: "'\(s)'") }
  }

  /// The error for the current token when `expected` was wanted.
  func unexpected(expected: String) -> QuiverError {
    let t = current
    if t.kind == .endOfInput {
      return .syntax(.unexpectedSyntax, "unexpected end of input, expected \(expected)", at: t.position)
    }
    return .syntax(.unexpectedSyntax, "unexpected \(t.display), expected \(expected)", at: t.position)
  }

  /// The source text from `offset` up to the end of the last consumed token.
  func text(from offset: Int) -> String {
    let end = index > 0 ? tokens[index - 1].endOffset : offset
    guard end > offset else { return "" }
    return String(decoding: source[offset..<end], as: UTF8.self)
  }

  /// Ends every iteration of a parsing loop whose condition does not itself consume a token:
  /// `mark` is the token index at the top of the iteration. An iteration that consumed nothing
  /// would repeat forever on the same input, so that is a grammar bug, stopped here rather than
  /// left to hang the caller. (Loops written `while eat(…)`, `while eatSymbol(…)` or
  /// `while at(…) { advance() … }` consume in their condition and need no check.)
  func checkProgress(since mark: Int) {
    precondition(
      index > mark,
      "unreachable: a parser loop consumed nothing at line \(current.position.line), column \(current.position.column)")
  }

  /// `item (',' item)*`: one or more items separated by commas, each of which must consume at
  /// least one token.
  mutating func commaSeparated<T>(_ item: (inout Parser) throws -> T) throws -> [T] {
    var items: [T] = []
    repeat {
      let mark = index
      items.append(try item(&self))
      checkProgress(since: mark)
    } while eatSymbol(",")
    return items
  }

  /// Guards recursion depth for nested expressions and patterns.
  mutating func nest<T>(_ body: (inout Parser) throws -> T) throws -> T {
    depth += 1
    treeDepth += 1
    defer {
      depth -= 1
      treeDepth -= 1
    }
    deepest = max(deepest, depth)
    if depth > maxDepth {
      throw QuiverError.syntax(.nestingTooDeep, "query nests deeper than \(maxDepth) levels", at: current.position)
    }
    try checkTreeDepth()
    return try body(&self)
  }

  /// Counts one more operator of a left-nested chain in `links` (the caller gives the levels
  /// back with `treeDepth -= links` when the chain ends).
  mutating func link(_ links: inout Int) throws {
    links += 1
    treeDepth += 1
    try checkTreeDepth()
  }

  private func checkTreeDepth() throws {
    if treeDepth > Parser.maxTreeDepth {
      throw QuiverError.syntax(
        .nestingTooDeep,
        "expression nests deeper than \(Parser.maxTreeDepth) levels (each operator of a chain such as a + b + … is a level; for many alternatives use IN [...])",
        at: current.position)
    }
  }

  /// A name: identifier or backquoted identifier (keywords are allowed).
  mutating func symbolicName(_ what: String) throws -> String {
    switch current.kind {
    case .identifier, .quotedIdentifier:
      let name = current.text
      advance()
      return name
    default:
      throw unexpected(expected: what)
    }
  }

  /// statement := [EXPLAIN | PROFILE] query [';']
  mutating func statement() throws -> Statement {
    if atSchemaCommand {
      let loc = Loc(current.position)
      // SHOW … [YIELD …] [WHERE …] [RETURN …]: the clauses ride along as the statement's query.
      let (command, tail) =
        try at(.show) ? showCommand() : atWord("TERMINATE") ? terminateCommand() : (schemaCommand(), [])
      _ = eatSymbol(";")
      guard current.kind == .endOfInput else { throw unexpected(expected: "the end of the command") }
      let parts = tail.isEmpty ? [] : [SingleQuery(clauses: tail, loc: loc)]
      return Statement(mode: .run, query: QueryBody(parts: parts, unionAll: []), schema: command)
    }
    var mode = Statement.Mode.run
    if eat(.explain) {
      mode = .explain
    } else if eat(.profile) {
      mode = .profile
    }
    let q = try queryBody()
    _ = eatSymbol(";")
    guard current.kind == .endOfInput else {
      throw unexpected(expected: "a clause or the end of the query")
    }
    return Statement(mode: mode, query: q)
  }

  /// query := unionQuery (NEXT unionQuery)* | conditionalQuery (Parser+Composition.swift)
  mutating func queryBody() throws -> QueryBody {
    try composedQuery()
  }

  /// unionQuery := singleQuery (UNION [ALL] singleQuery)*
  mutating func unionQuery() throws -> QueryBody {
    var parts = [try singleQuery()]
    var all: [Bool] = []
    while eat(.union) {
      all.append(eat(.all))
      parts.append(try singleQuery())
    }
    return QueryBody(parts: parts, unionAll: all)
  }

  /// singleQuery := clause+
  mutating func singleQuery() throws -> SingleQuery {
    let loc = Loc(current.position)
    var clauses: [Clause] = []
    var mark = index
    while let c = try clause() {
      clauses.append(c)
      checkProgress(since: mark)
      mark = index
    }
    if clauses.isEmpty {
      throw unexpected(expected: "a clause (MATCH, CREATE, RETURN, …)")
    }
    return SingleQuery(clauses: clauses, loc: loc)
  }
}
