// Type predicates: `x IS [NOT] :: TYPE`, `x :: TYPE`, `x IS [NOT] TYPED TYPE`, and the types
// they name, with the synonyms of Neo4j's "types and their synonyms" table and closed dynamic
// unions (`INTEGER | FLOAT`, `ANY<INTEGER | FLOAT>`). Type names are not reserved words: they
// are matched by spelling, here only.
import GraphCore

extension Parser {
  /// True at `::` (two adjacent colons; the lexer has no two-colon token).
  var atDoubleColon: Bool {
    atSymbol(":") && peek().isSymbol(":") && peek().position.offset == current.endOffset
  }

  /// True when the current token is an identifier spelled `word` (any case).
  func atWord(_ word: String) -> Bool {
    current.kind == .identifier && current.text.uppercased() == word
  }

  /// True when the token `ahead` positions on is an identifier spelled `word` (any case).
  func peekWord(_ word: String, _ ahead: Int = 1) -> Bool {
    let t = peek(ahead)
    return t.kind == .identifier && t.text.uppercased() == word
  }

  /// Consumes an identifier spelled `word` when it is next.
  mutating func eatWord(_ word: String) -> Bool {
    guard atWord(word) else { return false }
    advance()
    return true
  }

  /// The type after `IS ::`, `IS TYPED` or `::`, when the current token starts one of those
  /// introducers: consumes it and returns the predicate; nil (consuming nothing) otherwise.
  /// typePredicate := (IS [NOT] ('::' | TYPED) | '::') type
  mutating func typePredicateSuffix(_ subject: Expression) throws -> Expression? {
    if atDoubleColon {
      advance()
      advance()
      return .typePredicate(subject, try valueType(), negated: false)
    }
    guard at(.is) else { return nil }
    let negated = peek().isKeyword(.not)
    let introducer = negated ? 2 : 1
    let t = peek(introducer)
    let isColons = t.isSymbol(":") && peek(introducer + 1).isSymbol(":")
      && peek(introducer + 1).position.offset == t.endOffset
    let isTyped = t.kind == .identifier && t.text.uppercased() == "TYPED"
    guard isColons || isTyped else { return nil }
    for _ in 0..<(introducer + (isColons ? 2 : 1)) { advance() }
    return .typePredicate(subject, try valueType(), negated: negated)
  }

  /// type := typeMember ('|' typeMember)*; every member must have the same nullability.
  mutating func valueType() throws -> ValueTypeSpec {
    let start = current.position
    var members = [try typeMember()]
    while atSymbol("|") && !peek().isSymbol("|") && isTypeStart(peek()) {
      advance()
      members.append(try typeMember())
    }
    guard let first = members.first, members.count > 1 else { return members[0] }
    guard members.allSatisfy({ $0.notNull == first.notNull }) else {
      throw QuiverError.syntax(
        .invalidTypeExpression,
        "all types in a closed dynamic union must be nullable, or be appended with `NOT NULL`", at: start)
    }
    return ValueTypeSpec(members.flatMap(\.members), notNull: first.notNull)
  }

  /// typeMember := simpleType [NOT NULL] ((LIST | ARRAY) [NOT NULL])*
  private mutating func typeMember() throws -> ValueTypeSpec {
    var spec = try simpleType()
    spec = ValueTypeSpec(spec.members, notNull: spec.notNull || eatNotNull())
    while atWord("LIST") || atWord("ARRAY") {
      advance()
      spec = ValueTypeSpec([.list(spec)], notNull: eatNotNull())
    }
    return spec
  }

  /// `NOT NULL`, when both words are next.
  private mutating func eatNotNull() -> Bool {
    guard at(.not) && peek().isKeyword(.null) else { return false }
    advance()
    advance()
    return true
  }

  /// Whether `t` can begin a type (so `|` continues a union rather than ending the expression,
  /// as in a list comprehension `[x IN l WHERE x :: INTEGER | x]`).
  private func isTypeStart(_ t: Token) -> Bool {
    guard t.kind == .identifier else { return false }
    return Parser.typeWords.contains(t.text.uppercased())
  }

  private static let typeWords: Set<String> = [
    "ANY", "NOTHING", "NULL", "BOOLEAN", "BOOL", "STRING", "VARCHAR", "INTEGER", "INT", "SIGNED", "FLOAT",
    "DATE", "LOCAL", "ZONED", "TIME", "TIMESTAMP", "DURATION", "POINT", "NODE", "VERTEX", "RELATIONSHIP",
    "EDGE", "MAP", "PATH", "PROPERTY", "LIST", "ARRAY", "VECTOR",
  ]

  /// One type name with its synonyms; `ANY<…>`, `LIST<…>` and `ARRAY<…>` nest a type.
  private mutating func simpleType() throws -> ValueTypeSpec {
    let position = current.position
    guard current.kind == .identifier else { throw unexpected(expected: "a type") }
    let word = current.text.uppercased()
    advance()
    func plain(_ b: ValueTypeBase) -> ValueTypeSpec { ValueTypeSpec([b], notNull: false) }
    switch word {
    case "ANY":
      if eatSymbol("<") {
        let inner = try valueType()
        try expectSymbol(">")
        return inner
      }
      if eatWord("NODE") || eatWord("VERTEX") { return plain(.node) }
      if eatWord("RELATIONSHIP") || eatWord("EDGE") { return plain(.relationship) }
      if eatWord("MAP") { return plain(.map) }
      if atWord("PROPERTY") {
        advance()
        try expectWord("VALUE")
        return plain(.propertyValue)
      }
      _ = eatWord("VALUE")
      return plain(.any)
    case "NOTHING": return plain(.nothing)
    case "NULL": return eatNotNull() ? plain(.nothing) : plain(.null)
    case "BOOLEAN", "BOOL": return plain(.boolean)
    case "STRING", "VARCHAR": return plain(.string)
    case "INTEGER", "INT": return plain(.integer)
    case "SIGNED":
      try expectWord("INTEGER")
      return plain(.integer)
    case "FLOAT": return plain(.float)
    case "DATE": return plain(.date)
    case "DURATION": return plain(.duration)
    case "POINT": return plain(.point)
    case "NODE", "VERTEX": return plain(.node)
    case "RELATIONSHIP", "EDGE": return plain(.relationship)
    case "MAP": return plain(.map)
    case "PATH": return plain(.path)
    case "VECTOR": return plain(try vectorTypeSuffix())
    case "PROPERTY":
      try expectWord("VALUE")
      return plain(.propertyValue)
    case "LIST", "ARRAY":
      try expectSymbol("<")
      let inner = try valueType()
      try expectSymbol(">")
      return plain(.list(inner))
    case "LOCAL", "ZONED":
      if eatWord("TIME") { return plain(word == "LOCAL" ? .localTime : .zonedTime) }
      try expectWord("DATETIME")
      return plain(word == "LOCAL" ? .localDateTime : .zonedDateTime)
    case "TIME", "TIMESTAMP":
      // TIME|TIMESTAMP WITH[OUT] TIME ZONE (or TIMEZONE, the spelling of older manuals).
      let without: Bool
      if eat(.with) {
        without = false
      } else {
        try expectWord("WITHOUT")
        without = true
      }
      if !eatWord("TIMEZONE") {
        try expectWord("TIME")
        try expectWord("ZONE")
      }
      if word == "TIME" { return plain(without ? .localTime : .zonedTime) }
      return plain(without ? .localDateTime : .zonedDateTime)
    default:
      throw QuiverError.syntax(.unexpectedSyntax, "unknown type `\(word)`, expected a type such as INTEGER or LIST<STRING>", at: position)
    }
  }

  /// The rest of a vector type after `VECTOR`: an optional `<coordinate type>`, then an optional
  /// `(dimension)`; `VECTOR` alone is every vector.
  /// vectorType := VECTOR ['<' coordinateType '>'] ['(' integer ')']
  private mutating func vectorTypeSuffix() throws -> ValueTypeBase {
    var coordinateType: VectorCoordinateType?
    if eatSymbol("<") {
      coordinateType = try vectorCoordinateType()
      try expectSymbol(">")
    }
    var dimension: Int?
    if atSymbol("(") && peek().kind == .integer {
      advance()
      let position = current.position
      guard let value = Int(current.text), Vector.dimensions.contains(value) else {
        throw QuiverError.syntax(
          .invalidTypeExpression,
          "a vector dimension must be between 1 and \(Vector.maximumDimension), not \(current.text)", at: position)
      }
      advance()
      try expectSymbol(")")
      dimension = value
    }
    return .vector(coordinateType, dimension)
  }

  /// A vector coordinate type name or alias (`INTEGER8`, `INT16`, `SIGNED INTEGER`, `FLOAT32`,
  /// `FLOAT`, …), as `VECTOR<…>` and the `vector()` family of functions write it.
  /// coordinateType := INTEGER8 | INT8 | … | INTEGER | INT | SIGNED INTEGER | FLOAT32 | FLOAT | FLOAT64
  mutating func vectorCoordinateType() throws -> VectorCoordinateType {
    let position = current.position
    guard current.kind == .identifier else { throw unexpected(expected: "a vector coordinate type") }
    var name = current.text
    advance()
    if name.uppercased() == "SIGNED" {
      try expectWord("INTEGER")
      name = "SIGNED INTEGER"
    }
    guard let type = VectorCoordinateType(name: name) else {
      throw QuiverError.syntax(
        .invalidTypeExpression,
        "unknown vector coordinate type `\(name)`, expected INTEGER8, INTEGER16, INTEGER32, INTEGER64, FLOAT32 or FLOAT64",
        at: position)
    }
    return type
  }

  /// Consumes the identifier spelled `word`, or fails naming it.
  private mutating func expectWord(_ word: String) throws {
    guard eatWord(word) else { throw unexpected(expected: word) }
  }
}
