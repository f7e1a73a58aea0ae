// Atom productions: literals, parameters, variables, function calls, CASE, list and pattern
// comprehensions, quantifiers, reduce, EXISTS subqueries, map literals and projections, and
// parenthesised expressions or pattern predicates.
import GraphCore

extension Parser {
  mutating func atom(negateLiteral: Bool = false) throws -> Expression {
    let t = current
    let loc = Loc(t.position)
    switch t.kind {
    case .integer:
      advance()
      return .literal(.int(try integerValue(t, negated: negateLiteral)))
    case .float:
      advance()
      guard let v = Double(t.text), v.isFinite else {
        if Double(t.text) == nil {
          throw QuiverError.syntax(.invalidNumberLiteral, "invalid number literal '\(t.text)'", at: t.position)
        }
        throw QuiverError.syntax(.floatingPointOverflow, "float literal '\(t.text)' is out of range", at: t.position)
      }
      return .literal(.float(negateLiteral ? -v : v))
    case .string:
      advance()
      return .literal(.string(t.text))
    case .parameter:
      advance()
      return .parameter(t.text, loc)
    case .quotedIdentifier:
      advance()
      return try afterVariable(t.text, loc)
    case .symbol:
      switch t.text {
      case "[": return try listOrComprehension()
      case "{": return try mapLiteral()
      case "(": return try parenthesisedOrPattern()
      default: throw unexpected(expected: "an expression")
      }
    case .endOfInput:
      throw unexpected(expected: "an expression")
    case .identifier:
      break
    }
    if negateLiteral { throw unexpected(expected: "an expression") }
    switch t.keyword {
    case .true?: advance(); return .literal(.bool(true))
    case .false?: advance(); return .literal(.bool(false))
    case .null?: advance(); return .literal(.null)
    case .case?: return try caseExpression()
    case .count? where peek().isSymbol("(") && peek(2).isSymbol("*"):
      advance()
      advance()
      advance()
      try expectSymbol(")")
      return .countStar(loc)
    case .all?, .any?, .none?, .single?:
      if peek().isSymbol("("), let q = t.keyword.flatMap(Quantifier.init(_:)) {
        advance()
        advance()
        let variable = try symbolicName("a variable")
        try expect(.in)
        let list = try expression()
        try expect(.where)
        let predicate = try expression()
        try expectSymbol(")")
        return .quantifier(q, variable: variable, list: list, predicate: predicate, loc)
      }
    case .reduce? where peek().isSymbol("("):
      advance()
      advance()
      let acc = try symbolicName("an accumulator name")
      try expectSymbol("=")
      let initial = try expression()
      try expectSymbol(",")
      let variable = try symbolicName("a variable")
      try expect(.in)
      let list = try expression()
      try expectSymbol("|")
      let body = try expression()
      try expectSymbol(")")
      return .reduce(accumulator: acc, initial: initial, variable: variable, list: list, expression: body)
    case .exists? where peek().isSymbol("{"):
      return .exists(try braced { try $0.existsBody() }, loc)
    case .count? where peek().isSymbol("{") && startsSubquery(peek(2), peek(3)):
      return .countSubquery(try braced { try $0.existsBody() }, loc)
    case .collect? where peek().isSymbol("{") && startsSubquery(peek(2), peek(3)):
      return .collectSubquery(try braced { try $0.queryBody() }, loc)
    default:
      break
    }
    // A function call: name ('.' name)* '('
    // Looks ahead only (consumes nothing): `lookahead` grows by two each time and `peek` stops at
    // the end of input, which is not a '.'.
    var lookahead = 1
    while peek(lookahead).isSymbol("."), peek(lookahead + 1).kind == .identifier || peek(lookahead + 1).kind == .quotedIdentifier {
      lookahead += 2
    }
    if peek(lookahead).isSymbol("(") {
      var name = t.text
      advance()
      while eatSymbol(".") { name += "." + current.text; advance() }
      return try functionCall(name, loc)
    }
    if t.keyword?.isReserved == true {
      throw unexpected(expected: "an expression")
    }
    advance()
    return try afterVariable(t.text, loc)
  }

  private func integerValue(_ t: Token, negated: Bool) throws -> Int64 {
    if let value = Self.plainDecimal(t.text, negated: negated) { return value }
    var text = t.text
    var radix = 10
    let lower = text.lowercased()
    if lower.hasPrefix("0x") {
      radix = 16
      text = String(text.dropFirst(2))
    } else if lower.hasPrefix("0o") {
      radix = 8
      text = String(text.dropFirst(2))
    } else if text.count > 1 && text.hasPrefix("0") && text.allSatisfy({ $0.isNumber }) {
      radix = 8
      text = String(text.dropFirst())
    }
    let validDigit: (Character) -> Bool = { c in
      guard let d = c.hexDigitValue else { return false }
      return d < radix
    }
    guard !text.isEmpty, text.allSatisfy(validDigit) else {
      throw QuiverError.syntax(.invalidNumberLiteral, "invalid integer literal '\(t.text)'", at: t.position)
    }
    guard let v = Int64(negated ? "-" + text : text, radix: radix) else {
      throw QuiverError.syntax(.integerOverflow, "integer literal '\(negated ? "-" : "")\(t.text)' does not fit in 64 bits", at: t.position)
    }
    return v
  }

  /// The value of `text` when it is plain decimal digits (no radix prefix, no leading zero) that
  /// fit in 64 bits, read byte by byte: nearly every integer literal, at a fraction of the cost of
  /// the general path, which handles the rest and words the errors.
  private static func plainDecimal(_ text: String, negated: Bool) -> Int64? {
    let digits = text.utf8
    guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
    var value: Int64 = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      let digit = Int64(byte - UInt8(ascii: "0"))
      let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
      // Negative values accumulate downwards, so that -9223372036854775808 fits.
      let (next, o2) = negated ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      if o1 || o2 { return nil }
      value = next
    }
    return value
  }

  /// A variable, or a map projection when `{` follows.
  private mutating func afterVariable(_ name: String, _ loc: Loc) throws -> Expression {
    let v = Expression.variable(name, loc)
    if atSymbol("{") {
      return try mapProjection(v)
    }
    return v
  }

  /// functionCall := name '(' [DISTINCT | ALL] [expr (',' expr)*] ')' | trimCall
  private mutating func functionCall(_ name: String, _ loc: Loc) throws -> Expression {
    try expectSymbol("(")
    if name.lowercased() == "trim", let trim = try trimArguments(loc) { return trim }
    if let wordIndex = Parser.vectorWordArgument[name.lowercased()] {
      return .function(name: name, distinct: false, arguments: try vectorArguments(wordIndex, name), loc)
    }
    let distinct = eat(.distinct)
    // `count(ALL x)`: ALL is the default; `all(x IN …)` and a variable named `all` stay as they are.
    if !distinct && at(.all) && !peek().isSymbol("(") && !peek().isSymbol(")") { advance() }
    var args = atSymbol(")") ? [] : try commaSeparated { try $0.expression() }
    try expectSymbol(")")
    if name.lowercased() == "normalize" { args = normalizeArguments(args) }
    return .function(name: name, distinct: distinct, arguments: args, loc)
  }

  /// CASE [subject] (WHEN c THEN r)+ [ELSE e] END; a simple CASE's WHENs are caseWhen.
  private mutating func caseExpression() throws -> Expression {
    try expect(.case)
    var subject = at(.when) ? nil : try expression()
    var branches: [CaseBranch] = []
    if let s = subject {
      (subject, branches) = try simpleCaseBranches(s)
    }
    while subject == nil && eat(.when) {
      let c = try expression()
      try expect(.then)
      branches.append(CaseBranch(condition: c, result: try expression()))
    }
    if branches.isEmpty { throw unexpected(expected: "WHEN") }
    let otherwise = try eat(.else) ? expression() : nil
    try expect(.end)
    return .caseExpression(subject: subject, branches: branches, otherwise: otherwise)
  }

  /// '[' … ']': list literal, list comprehension or pattern comprehension.
  private mutating func listOrComprehension() throws -> Expression {
    let loc = Loc(current.position)
    try expectSymbol("[")
    // [x IN list WHERE p | e]
    if current.kind == .identifier || current.kind == .quotedIdentifier, peek().isKeyword(.in) {
      let variable = current.text
      advance()
      advance()
      let list = try expression()
      let predicate = try eat(.where) ? expression() : nil
      let projection = try eatSymbol("|") ? expression() : nil
      try expectSymbol("]")
      return .listComprehension(variable: variable, list: list, predicate: predicate, projection: projection)
    }
    // [p = (a)-->(b) WHERE … | e] or [(a)-->(b) | e]
    if let comprehension = try attempt({ try $0.patternComprehension(loc) }) {
      return comprehension
    }
    let items = atSymbol("]") ? [] : try commaSeparated { try $0.listElement() }
    try expectSymbol("]")
    return .list(items)
  }

  /// One element of a list literal. A lone number or string (the elements of a long `IN [...]`
  /// list) is read as the literal it is, without descending the dozen precedence levels of a
  /// full expression, which cost about twenty times as much per element.
  private mutating func listElement() throws -> Expression {
    switch current.kind {
    case .integer, .float, .string:
      let next = peek()
      if next.isSymbol(",") || next.isSymbol("]") { return try atom() }
    default: break
    }
    return try expression()
  }

  private mutating func patternComprehension(_ loc: Loc) throws -> Expression? {
    guard atSymbol("(") || peek().isSymbol("=") else { return nil }
    let part = try patternPart()
    guard !part.steps.isEmpty else { return nil }
    let predicate = try eat(.where) ? expression() : nil
    try expectSymbol("|")
    let projection = try expression()
    try expectSymbol("]")
    return .patternComprehension(pathVariable: part.pathVariable, pattern: part, predicate: predicate, projection: projection, loc)
  }

  /// Runs `body` speculatively: on failure or nil, rewinds and returns nil.
  mutating func attempt<T>(_ body: (inout Parser) throws -> T?) throws -> T? {
    let saved = index
    do {
      if let v = try body(&self) { return v }
    } catch let e as QuiverError where e.code == .nestingTooDeep {
      throw e
    } catch {}
    index = saved
    return nil
  }

  /// '(' expr ')' or a pattern predicate such as `(a)-[:T]->(b)`.
  private mutating func parenthesisedOrPattern() throws -> Expression {
    let loc = Loc(current.position)
    if let pattern = try attempt({ p -> PatternPart? in
      let part = try p.patternChain()
      return part.steps.isEmpty ? nil : part
    }) {
      return .patternPredicate(pattern, loc)
    }
    try expectSymbol("(")
    let e = try expression()
    try expectSymbol(")")
    return e
  }

  /// '{' [key ':' expr (',' key ':' expr)*] '}'
  mutating func mapLiteral() throws -> Expression {
    try expectSymbol("{")
    let entries: [MapEntry] = atSymbol("}") ? [] : try commaSeparated { parser in
      let key = try parser.propertyKeyName()
      try parser.expectSymbol(":")
      return MapEntry(key: key, value: try parser.expression())
    }
    try expectSymbol("}")
    return .map(entries)
  }

  private mutating func propertyKeyName() throws -> String {
    switch current.kind {
    case .identifier, .quotedIdentifier:
      let k = current.text
      advance()
      return k
    default:
      throw unexpected(expected: "a property key")
    }
  }

  /// v '{' (.key | .* | key ':' expr | variable) (',' …)* '}'
  private mutating func mapProjection(_ subject: Expression) throws -> Expression {
    try expectSymbol("{")
    let items: [MapProjectionItem] = atSymbol("}") ? [] : try commaSeparated { try $0.mapProjectionItem() }
    try expectSymbol("}")
    return .mapProjection(subject, items)
  }

  /// One item of a map projection: `.key`, `.*`, `key: expr` or a variable.
  private mutating func mapProjectionItem() throws -> MapProjectionItem {
    if eatSymbol(".") {
      return eatSymbol("*") ? .allProperties : .property(try propertyKeyName())
    }
    if peek().isSymbol(":") {
      let key = try propertyKeyName()
      advance()
      return .literal(key, try expression())
    }
    let loc = Loc(current.position)
    return .variable(try symbolicName("a map projection item"), loc)
  }

  /// `KEYWORD { body }`, from the keyword on: the body `parse` reads between the braces.
  private mutating func braced<Body>(_ parse: (inout Parser) throws -> Body) throws -> Body {
    advance()
    advance()
    let body = try nest(parse)
    try expectSymbol("}")
    return body
  }

  /// The keywords that open a query inside EXISTS, COUNT or COLLECT braces.
  static let queryOpeners: Set<Keyword> = [.match, .optional, .with, .unwind, .call, .return]

  /// Whether `first` (followed by `second`) can open the body of COUNT { … } or COLLECT { … }: a
  /// clause, a pattern, or a path variable's assignment. Anything else (`.key`, `}`, `key:`,
  /// `name,`) is a map projection of a variable called `count` or `collect`.
  private func startsSubquery(_ first: Token, _ second: Token) -> Bool {
    if first.isSymbol("(") { return true }
    if let word = first.keyword, Parser.queryOpeners.contains(word) { return true }
    return (first.kind == .identifier || first.kind == .quotedIdentifier) && second.isSymbol("=")
  }

  /// The inside of EXISTS { … } or COUNT { … }: a pattern list with optional WHERE, or a query.
  private mutating func existsBody() throws -> ExistsSubquery {
    if let word = current.keyword, Parser.queryOpeners.contains(word) {
      return .query(try queryBody())
    }
    let patterns = try patternList()
    let predicate = try eat(.where) ? expression() : nil
    return .pattern(patterns, predicate: predicate)
  }
}
