// SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS with what may qualify and follow them:
// `SHOW [kind] INDEXES|CONSTRAINTS …`, `SHOW [ALL | BUILT IN | USER DEFINED] FUNCTIONS`,
// `[EXECUTABLE [BY CURRENT USER | BY name]]`, then `[YIELD * | item, … [ORDER BY …] [SKIP n]
// [LIMIT n]] [WHERE p] [RETURN …]`. The kind becomes a filter and the rest WITH and RETURN
// clauses over the command's columns; the database runs them over the listed rows.
import GraphCore

extension SchemaCommand {
  /// True for the SHOW commands, which list rows rather than change the schema.
  package var isShow: Bool {
    switch self {
    case .showIndexes, .showConstraints, .showProcedures, .showFunctions, .showTransactions, .terminateTransactions:
      return true
    default: return false
    }
  }
}

extension Parser {
  /// showCommand := SHOW [showKind] (INDEX[ES] | CONSTRAINT[S] | PROCEDURE[S] | FUNCTION[S])
  ///   [EXECUTABLE [BY (CURRENT USER | name)]] showClauses
  /// The command and the clauses to run over its rows (empty when none follow).
  mutating func showCommand() throws -> (SchemaCommand, [Clause]) {
    let loc = Loc(current.position)
    try expect(.show)
    var words: [String] = []
    while current.kind == .identifier, !isShowNoun(current) {
      words.append(current.text.uppercased())
      advance()
    }
    let command: SchemaCommand
    switch current.keyword {
    case .index?, .indexes?: command = .showIndexes
    case .constraint?, .constraints?: command = .showConstraints
    case .procedure?, .procedures?: command = .showProcedures
    case .function?, .functions?: command = .showFunctions
    case .transactions?: command = .showTransactions
    default:
      guard atWord("TRANSACTION") else { throw unexpected(expected: "INDEXES, CONSTRAINTS, PROCEDURES, FUNCTIONS or TRANSACTIONS") }
      command = .showTransactions
    }
    var filter = try showFilter(command, words, loc)
    advance()
    if command == .showTransactions, current.kind == .string {
      // SHOW TRANSACTIONS 'id', …: only those.
      let ids = try transactionIDs()
      filter = .binary(.in, .variable("transactionId", loc), .list(ids.map { .literal(.string($0)) }), loc)
    }
    if (command == .showProcedures || command == .showFunctions) && eatWord("EXECUTABLE") {
      // Embedded Quiver has no users: every procedure and function is executable by everyone.
      if eat(.by) {
        if !eatWord("CURRENT") { _ = try symbolicName("CURRENT USER or a user name") } else { try expectUser() }
      }
    }
    var clauses = try showClauses()
    if let filter {
      let all = Projection(distinct: false, star: true, items: [], orderBy: [], skip: nil, limit: nil, loc: loc)
      clauses.insert(.with(all, predicate: filter), at: 0)
    }
    return (command, clauses)
  }

  private func isShowNoun(_ t: Token) -> Bool {
    switch t.keyword {
    case .index?, .indexes?, .constraint?, .constraints?, .procedure?, .procedures?, .function?, .functions?,
      .transactions?:
      return true
    default: return t.text.uppercased() == "TRANSACTION"
    }
  }

  /// terminateCommand := TERMINATE (TRANSACTION | TRANSACTIONS) string (',' string)* showClauses
  mutating func terminateCommand() throws -> (SchemaCommand, [Clause]) {
    advance()
    if !eat(.transactions) { _ = eatWord("TRANSACTION") }
    let ids = try transactionIDs()
    return (.terminateTransactions(ids), try showClauses())
  }

  /// One or more comma-separated transaction ids, each a string literal.
  private mutating func transactionIDs() throws -> [String] {
    try commaSeparated { parser in
      guard parser.current.kind == .string, case .literal(.string(let id)) = try parser.expression() else {
        throw parser.unexpected(expected: "a transaction id such as 'neo4j-transaction-3'")
      }
      return id
    }
  }

  private mutating func expectUser() throws {
    guard eatWord("USER") else { throw unexpected(expected: "USER") }
  }

  /// The condition on the listed rows that the words between SHOW and the noun put: an index
  /// kind (`RANGE`, `VECTOR`; Quiver's text and point indexes are range indexes, so `TEXT` and
  /// `POINT` list none), a
  /// constraint kind (`[NODE | REL[ATIONSHIP]] UNIQUE[NESS] | [PROPERTY] EXIST[ENCE] | KEY |
  /// PROPERTY TYPE`), or which functions (`BUILT IN`, `USER DEFINED`). Nil for no condition.
  private func showFilter(_ command: SchemaCommand, _ words: [String], _ loc: Loc) throws -> Expression? {
    func column(_ name: String) -> Expression { .variable(name, loc) }
    func string(_ s: String) -> Expression { .literal(.string(s)) }
    let phrase = words.joined(separator: " ")
    if words.isEmpty || phrase == "ALL" { return nil }
    switch command {
    case .showIndexes:
      let kinds = ["RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR"]
      guard words.count == 1, kinds.contains(phrase) else { break }
      return .binary(.equal, column("type"), string(phrase), loc)
    case .showConstraints:
      var rest = words
      var entity: String?
      if let first = rest.first, ["NODE", "REL", "RELATIONSHIP"].contains(first) {
        entity = first == "NODE" ? "NODE" : "RELATIONSHIP"
        rest.removeFirst()
      }
      if rest.first == "PROPERTY" { rest.removeFirst() }
      let kinds: [String: [String]] = [
        "UNIQUE": ["UNIQUENESS", "RELATIONSHIP_UNIQUENESS"], "UNIQUENESS": ["UNIQUENESS", "RELATIONSHIP_UNIQUENESS"],
        "EXIST": ["NODE_PROPERTY_EXISTENCE", "RELATIONSHIP_PROPERTY_EXISTENCE"],
        "EXISTENCE": ["NODE_PROPERTY_EXISTENCE", "RELATIONSHIP_PROPERTY_EXISTENCE"],
        "KEY": ["NODE_KEY", "RELATIONSHIP_KEY"], "TYPE": ["NODE_PROPERTY_TYPE", "RELATIONSHIP_PROPERTY_TYPE"],
      ]
      guard rest.count == 1, let types = kinds[rest[0]] else { break }
      let typeTest = Expression.binary(.in, column("type"), .list(types.map(string)), loc)
      guard let entity else { return typeTest }
      return .binary(.and, typeTest, .binary(.equal, column("entityType"), string(entity), loc), loc)
    case .showFunctions:
      if phrase == "BUILT IN" { return .binary(.notEqual, column("category"), string("user-defined"), loc) }
      if phrase == "USER DEFINED" { return .binary(.equal, column("category"), string("user-defined"), loc) }
    default: break
    }
    throw QuiverError.syntax(.unexpectedSyntax, "SHOW \(phrase) is not a kind of \(command.noun)", at: loc.position)
  }

  /// showClauses := [YIELD ('*' | yieldItem (',' yieldItem)*) projectionTail] [WHERE expression]
  ///   [RETURN projection]
  /// `YIELD a AS b … WHERE p` becomes `WITH a AS b … WHERE p`, a WHERE alone `WITH * WHERE p`;
  /// without RETURN the database returns the yielded (or listed) columns.
  mutating func showClauses() throws -> [Clause] {
    let loc = Loc(current.position)
    var clauses: [Clause] = []
    var projection = Projection(distinct: false, star: true, items: [], orderBy: [], skip: nil, limit: nil, loc: loc)
    var yielded = false
    if eat(.yield) {
      yielded = true
      if !eatSymbol("*") {
        projection.star = false
        projection.items = try commaSeparated { parser in
          let itemLoc = Loc(parser.current.position)
          let field = try parser.symbolicName("a column name")
          let alias = try parser.eat(.as) ? parser.symbolicName("an alias") : field
          return ProjectionItem(expression: .variable(field, itemLoc), alias: alias, text: field, loc: itemLoc)
        }
      }
      (projection.orderBy, projection.skip, projection.limit) = try projectionTail()
    }
    let predicate = try eat(.where) ? expression() : nil
    if yielded || predicate != nil { clauses.append(.with(projection, predicate: predicate)) }
    if at(.return) {
      let returnLoc = Loc(current.position)
      advance()
      if clauses.isEmpty { clauses.append(.with(projection, predicate: nil)) }
      clauses.append(.return(try self.projection(returnLoc)))
    }
    return clauses
  }
}

extension SchemaCommand {
  /// What a SHOW command lists, for messages.
  fileprivate var noun: String {
    switch self {
    case .showIndexes: return "index"
    case .showConstraints: return "constraint"
    case .showProcedures: return "procedure"
    case .showTransactions, .terminateTransactions: return "transaction"
    default: return "function"
    }
  }
}
