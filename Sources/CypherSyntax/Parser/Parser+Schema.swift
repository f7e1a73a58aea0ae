// Schema command productions: CREATE/DROP/SHOW INDEX and CONSTRAINT, SHOW PROCEDURES/FUNCTIONS.
import GraphCore

extension Parser {
  /// True when the statement starts with a schema command.
  var atSchemaCommand: Bool {
    (at("CREATE") && (peek().isKeyword("INDEX") || peek().isKeyword("CONSTRAINT")))
      || (at("DROP") && (peek().isKeyword("INDEX") || peek().isKeyword("CONSTRAINT"))) || at("SHOW")
  }

  /// schemaCommand := createIndex | dropIndex | showIndexes | createConstraint | dropConstraint | show…
  mutating func schemaCommand() throws -> SchemaCommand {
    if eat("SHOW") {
      let word = current.text.uppercased()
      advance()
      switch word {
      case "INDEX", "INDEXES": return .showIndexes
      case "CONSTRAINT", "CONSTRAINTS": return .showConstraints
      case "PROCEDURE", "PROCEDURES": return .showProcedures
      case "FUNCTION", "FUNCTIONS": return .showFunctions
      default:
        index -= 1
        throw unexpected(expected: "INDEXES, CONSTRAINTS, PROCEDURES or FUNCTIONS")
      }
    }
    if eat("DROP") {
      let isIndex = eat("INDEX")
      if !isIndex { try expect("CONSTRAINT") }
      let name = try symbolicName(isIndex ? "an index name" : "a constraint name")
      var ifExists = false
      if eat("IF") {
        try expect("EXISTS")
        ifExists = true
      }
      return isIndex ? .dropIndex(name: name, ifExists: ifExists) : .dropConstraint(name: name, ifExists: ifExists)
    }
    try expect("CREATE")
    let isIndex = eat("INDEX")
    if !isIndex { try expect("CONSTRAINT") }
    var name: String?
    if !at("IF") && !at("FOR") && !at("ON") {
      name = try symbolicName(isIndex ? "an index name" : "a constraint name")
    }
    var ifNotExists = false
    if eat("IF") {
      try expect("NOT")
      try expect("EXISTS")
      ifNotExists = true
    }
    try expect("FOR")
    let (variable, label, target) = try schemaPattern()
    if isIndex {
      try expect("ON")
      let properties = try propertyList(of: variable)
      return .createIndex(name: name, ifNotExists: ifNotExists, target: target, label: label, properties: properties)
    }
    if target == .relationship {
      throw QuiverError.syntax(.unexpectedSyntax, "constraints are supported on node labels only", at: current.position)
    }
    try expect("REQUIRE")
    let properties = try propertyList(of: variable)
    try expect("IS")
    let rule: ConstraintRule
    if eat("UNIQUE") {
      rule = .unique
    } else {
      try expect("NOT")
      try expect("NULL")
      rule = .notNull
    }
    return .createConstraint(name: name, ifNotExists: ifNotExists, label: label, properties: properties, rule: rule)
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
      let owner = try symbolicName("`\(variable)`")
      if owner != variable {
        throw QuiverError(
          .syntax, .undefinedVariable, "expected `\(variable)`, the variable of the pattern", phase: .compile,
          at: tokens[index - 1].position, name: owner)
      }
      try expectSymbol(".")
      properties.append(try symbolicName("a property key"))
    } while parenthesised && eatSymbol(",")
    if parenthesised { try expectSymbol(")") }
    return properties
  }
}
