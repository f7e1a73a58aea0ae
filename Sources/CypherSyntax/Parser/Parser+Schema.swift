// Schema command productions: CREATE/DROP/SHOW INDEX and CONSTRAINT, SHOW PROCEDURES/FUNCTIONS.
import GraphCore

extension Parser {
  /// True when the statement starts with a schema command.
  var atSchemaCommand: Bool {
    (at(.create) && (peek().isKeyword(.index) || peek().isKeyword(.constraint)))
      || (at(.create) && Parser.indexKinds.contains(peek().text.uppercased()) && peek(2).isKeyword(.index))
      || (at(.drop) && (peek().isKeyword(.index) || peek().isKeyword(.constraint))) || at(.show)
      || (atWord("TERMINATE") && (peek().isKeyword(.transactions) || peekWord("TRANSACTION")))
  }

  /// schemaCommand := createIndex | dropIndex | createConstraint | dropConstraint (SHOW is
  /// showCommand, Parser+Show.swift)
  mutating func schemaCommand() throws -> SchemaCommand {
    if eat(.drop) {
      let isIndex = eat(.index)
      if !isIndex { try expect(.constraint) }
      let name = try symbolicName(isIndex ? "an index name" : "a constraint name")
      var ifExists = false
      if eat(.if) {
        try expect(.exists)
        ifExists = true
      }
      return isIndex ? .dropIndex(name: name, ifExists: ifExists) : .dropConstraint(name: name, ifExists: ifExists)
    }
    try expect(.create)
    try indexKind()
    let isIndex = eat(.index)
    if !isIndex { try expect(.constraint) }
    var name: String?
    if !at(.if) && !at(.for) && !at(.on) {
      name = try symbolicName(isIndex ? "an index name" : "a constraint name")
    }
    var ifNotExists = false
    if eat(.if) {
      try expect(.not)
      try expect(.exists)
      ifNotExists = true
    }
    try expect(.for)
    let (variable, label, target) = try schemaPattern()
    if isIndex {
      try expect(.on)
      let properties = try propertyList(of: variable)
      return .createIndex(name: name, ifNotExists: ifNotExists, target: target, label: label, properties: properties)
    }
    try expect(.require)
    let listPosition = current.position
    let properties = try propertyList(of: variable)
    let rule = try constraintRule(target)
    if properties.count > 1, rule != .unique, rule != .key {
      throw QuiverError.syntax(
        .unexpectedSyntax, "this kind of constraint is on one property; only uniqueness and key constraints take several",
        at: listPosition)
    }
    return .createConstraint(name: name, ifNotExists: ifNotExists, target: target, label: label, properties: properties, rule: rule)
  }

  /// constraintRule := IS [NODE | REL[ATIONSHIP]] (UNIQUE | KEY) | IS NOT NULL
  ///   | (IS '::' | IS TYPED | '::') type
  /// `NODE` only for a node pattern, `REL[ATIONSHIP]` only for a relationship pattern.
  private mutating func constraintRule(_ target: IndexTarget) throws -> ConstraintRule {
    if atDoubleColon {
      advance()
      advance()
      return .propertyType(try valueType())
    }
    try expect(.is)
    if atDoubleColon || atWord("TYPED") {
      if !eatWord("TYPED") {
        advance()
        advance()
      }
      return .propertyType(try valueType())
    }
    if eat(.not) {
      try expect(.null)
      return .notNull
    }
    let entityWord = current
    if eatWord("NODE") || eatWord("REL") || eatWord("RELATIONSHIP") {
      let isNodeWord = entityWord.text.uppercased() == "NODE"
      if isNodeWord != (target == .node) {
        throw QuiverError.syntax(
          .unexpectedSyntax,
          "`IS \(entityWord.text.uppercased()) …` does not fit a \(target == .node ? "node" : "relationship") pattern",
          at: entityWord.position)
      }
    }
    if eat(.unique) { return .unique }
    if eatWord("KEY") { return .key }
    throw unexpected(expected: "UNIQUE, KEY, NOT NULL or :: and a type")
  }

  /// `(n:Label)` or `()-[r:TYPE]-()` (either direction).
  private mutating func schemaPattern() throws -> (String, String, IndexTarget) {
    let part = try patternChain()
    if part.steps.isEmpty {
      guard let v = part.start.variable, part.start.labels.count == 1 else {
        throw QuiverError.syntax(.unexpectedSyntax, "expected a pattern such as (n:Label)", at: part.loc.position)
      }
      return (v, part.start.labels[0], .node)
    }
    let rel = part.steps[0].relationship
    guard part.steps.count == 1, let v = rel.variable, rel.types.count == 1 else {
      throw QuiverError.syntax(.unexpectedSyntax, "expected a pattern such as ()-[r:TYPE]-()", at: part.loc.position)
    }
    return (v, rel.types[0], .relationship)
  }

  /// `n.a` or `(n.a, n.b)`.
  private mutating func propertyList(of variable: String) throws -> [String] {
    let parenthesised = eatSymbol("(")
    var properties: [String] = []
    repeat {
      let mark = index
      let owner = try symbolicName("`\(variable)`")
      if owner != variable {
        throw QuiverError(
          .syntax, .undefinedVariable, "expected `\(variable)`, the variable of the pattern", phase: .compile,
          at: tokens[index - 1].position, name: owner)
      }
      try expectSymbol(".")
      properties.append(try symbolicName("a property key"))
      checkProgress(since: mark)
    } while parenthesised && eatSymbol(",")
    if parenthesised { try expectSymbol(")") }
    return properties
  }

  /// The index kinds Neo4j names before INDEX.
  static let indexKinds: Set<String> = ["RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE"]

  /// `RANGE`, `TEXT` or `POINT` before INDEX: Quiver's one index kind serves all three (equality,
  /// ranges and prefixes; equality of points), so each creates it. The other kinds need what
  /// Quiver lacks, and fail here.
  private mutating func indexKind() throws {
    guard current.kind == .identifier, Parser.indexKinds.contains(current.text.uppercased()), peek().isKeyword(.index)
    else { return }
    let kind = current.text.uppercased()
    if kind == "RANGE" || kind == "TEXT" || kind == "POINT" {
      advance()
      return
    }
    throw QuiverError.syntax(
      .unexpectedSyntax,
      "\(kind) indexes are not supported; Quiver has range indexes (CREATE [RANGE | TEXT | POINT] INDEX), and always finds nodes by label",
      at: current.position)
  }
}

