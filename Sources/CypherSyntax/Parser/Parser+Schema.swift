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
    let kind = try indexKind()
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
    if kind == "FULLTEXT" { return try fulltextIndex(name: name, ifNotExists: ifNotExists) }
    if kind == "LOOKUP" {
      guard isIndex else { throw QuiverError.syntax(.unexpectedSyntax, "expected INDEX after LOOKUP", at: current.position) }
      return try lookupIndex(name: name, ifNotExists: ifNotExists)
    }
    let (variable, label, target) = try schemaPattern()
    if isIndex {
      try expect(.on)
      let onPosition = current.position
      let properties = try propertyList(of: variable)
      if kind == "VECTOR" {
        guard properties.count == 1 else {
          throw QuiverError.syntax(.unexpectedSyntax, "a vector index is on one property", at: onPosition)
        }
        let (dimensions, similarity) = try vectorOptions()
        return .createVectorIndex(
          name: name, ifNotExists: ifNotExists, target: target, label: label, property: properties[0], dimensions: dimensions,
          similarity: similarity)
      }
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

  /// `n.a` or `(n.a, n.b)`; with `brackets`, `[n.a, n.b]`.
  mutating func propertyList(of variable: String, brackets: Bool = false) throws -> [String] {
    if brackets { try expectSymbol("[") }
    let parenthesised = brackets || eatSymbol("(")
    var properties: [String] = []
    repeat {
      let mark = index
      try patternVariable(variable)
      try expectSymbol(".")
      properties.append(try symbolicName("a property key"))
      checkProgress(since: mark)
    } while parenthesised && eatSymbol(",")
    if parenthesised { try expectSymbol(brackets ? "]" : ")") }
    return properties
  }

  /// Consumes the name of the schema pattern's variable, `variable`.
  /// - Throws: `UndefinedVariable` for any other name.
  mutating func patternVariable(_ variable: String) throws {
    let owner = try symbolicName("`\(variable)`")
    if owner != variable {
      throw QuiverError(
        .syntax, .undefinedVariable, "expected `\(variable)`, the variable of the pattern", phase: .compile,
        at: tokens[index - 1].position, name: owner)
    }
  }

  /// `[OPTIONS {indexProvider: …, indexConfig: {…}}]` of an index kind whose settings Quiver
  /// accepts and does not use (`full-text`, `lookup`).
  /// - Throws: `InvalidArgumentValue` for anything but such a map.
  mutating func acceptedIndexOptions(_ kind: String) throws {
    guard eatWord("OPTIONS") else { return }
    let position = current.position
    guard case .map(let options) = try expression(),
      options.allSatisfy({ $0.key == "indexProvider" || $0.key == "indexConfig" })
    else {
      throw QuiverError(
        .argument, .invalidArgumentValue, "invalid \(kind) index options: expected {indexConfig: {…}}", phase: .compile,
        at: position)
    }
  }

  /// The index kinds Neo4j names before INDEX.
  static let indexKinds: Set<String> = ["RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE"]

  /// The kind before INDEX, consumed: `RANGE`, `TEXT` or `POINT` (Quiver's one range index kind
  /// serves all three: equality, ranges and prefixes; equality, boxes and distances of points),
  /// `VECTOR`, `FULLTEXT`
  /// or `LOOKUP`. Nil when none is written. `BTREE` (Neo4j 4's kind, removed in 5) fails here.
  private mutating func indexKind() throws -> String? {
    guard current.kind == .identifier, Parser.indexKinds.contains(current.text.uppercased()), peek().isKeyword(.index)
    else { return nil }
    let kind = current.text.uppercased()
    if kind != "BTREE" {
      advance()
      return kind
    }
    throw QuiverError.syntax(
      .unexpectedSyntax,
      "\(kind) indexes are not supported; Quiver has range indexes (CREATE [RANGE | TEXT | POINT] INDEX), vector, "
        + "full-text and lookup indexes",
      at: current.position)
  }

  /// vectorOptions := [OPTIONS '{' indexConfig ':' '{' (`vector.dimensions` ':' integer |
  ///   `vector.similarity_function` ':' string | `vector.*` ':' literal) , … '}' [, indexProvider ':' string] '}']
  /// The dimensions (nil when not given) and the similarity function (`cosine` by default).
  /// Neo4j's HNSW and quantization settings are accepted and change nothing: the search is exact.
  private mutating func vectorOptions() throws -> (Int?, String) {
    guard eatWord("OPTIONS") else { return (nil, "cosine") }
    let position = current.position
    func bad(_ message: String) -> QuiverError {
      QuiverError(.argument, .invalidArgumentValue, "invalid vector index options: \(message)", phase: .compile, at: position)
    }
    guard case .map(let options) = try expression() else { throw bad("expected a map such as {indexConfig: {…}}") }
    var dimensions: Int?
    var similarity = "cosine"
    for option in options {
      switch option.key {
      case "indexProvider": continue
      case "indexConfig":
        guard case .map(let settings) = option.value else { throw bad("`indexConfig` must be a map") }
        for setting in settings {
          switch (setting.key, setting.value) {
          case ("vector.dimensions", .literal(.int(let n))):
            guard n >= 1, n <= 4096 else { throw bad("`vector.dimensions` must be between 1 and 4096, got \(n)") }
            dimensions = Int(n)
          case ("vector.similarity_function", .literal(.string(let s))):
            guard ["cosine", "euclidean"].contains(s.lowercased()) else {
              throw bad("`vector.similarity_function` must be 'COSINE' or 'EUCLIDEAN', got '\(s)'")
            }
            similarity = s.lowercased()
          case ("vector.dimensions", _), ("vector.similarity_function", _):
            throw bad("`\(setting.key)` must be \(setting.key == "vector.dimensions" ? "an integer" : "a string")")
          case (let key, _) where key.hasPrefix("vector.hnsw.") || key.hasPrefix("vector.quantization."):
            continue
          default: throw bad("unknown setting `\(setting.key)`")
          }
        }
      default: throw bad("unknown option `\(option.key)`")
      }
    }
    return (dimensions, similarity)
  }
}

