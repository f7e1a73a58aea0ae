// GQL pattern productions: quantifiers (`{m,n}`, `+`, `*`) on relationships and on
// parenthesized path patterns, path selectors (`SHORTEST k`, `ALL SHORTEST`, `ANY`) and match
// modes (`DIFFERENT RELATIONSHIPS`, `REPEATABLE ELEMENTS`).
import GraphCore

extension Parser {
  /// A quantified path pattern starts here: `((`, an inner node pattern inside a parenthesis.
  var atQuantifiedPathPattern: Bool { atSymbol("(") && peek().isSymbol("(") }

  /// A quantifier follows: `{`, `+` or `*` right after a relationship or a parenthesized pattern.
  var atQuantifier: Bool { atSymbol("{") || atSymbol("+") || atSymbol("*") }

  /// quantifier := '{' [int] ',' [int] '}' | '{' int '}' | '+' | '*'
  mutating func quantifier() throws -> LengthRange {
    if eatSymbol("+") { return LengthRange(min: 1, max: nil) }
    if eatSymbol("*") { return LengthRange(min: 0, max: nil) }
    let open = current
    try expectSymbol("{")
    let low = current.kind == .integer ? try quantifierBound() : nil
    var high = low
    if eatSymbol(",") {
      high = current.kind == .integer ? try quantifierBound() : nil
    } else if low == nil {
      throw unexpected(expected: "a repetition count such as {2}, {1,3}, {,3} or {2,}")
    }
    try expectSymbol("}")
    if let low, let high, low > high {
      throw QuiverError.syntax(
        .invalidRange, "a quantifier's lower bound \(low) exceeds its upper bound \(high)", at: open.position)
    }
    if high == 0 {
      throw QuiverError.syntax(.invalidRange, "a quantifier's upper bound must be greater than 0", at: open.position)
    }
    return LengthRange(min: low ?? 0, max: high)
  }

  private mutating func quantifierBound() throws -> Int {
    guard let v = Int(current.text) else {
      throw QuiverError.syntax(.invalidRange, "invalid repetition count '\(current.text)'", at: current.position)
    }
    advance()
    return v
  }

  /// A parenthesized path pattern without a quantifier starts here: `((a)-->(b))` or
  /// `(q = (a)-->(b))`, whose closing parenthesis no quantifier follows (with one, `((a)-->(b))`
  /// starts a quantified path pattern).
  var atParenthesizedPath: Bool {
    guard atSymbol("("), peek().isSymbol("(") || ((peek().kind == .identifier || peek().kind == .quotedIdentifier) && peek(2).isSymbol("="))
    else { return false }
    var depth = 0
    var i = index
    while i < tokens.count, tokens[i].kind != .endOfInput {
      if tokens[i].isSymbol("(") { depth += 1 }
      if tokens[i].isSymbol(")") {
        depth -= 1
        if depth == 0 {
          let after = tokens[min(i + 1, tokens.count - 1)]
          return !(after.isSymbol("{") || after.isSymbol("+") || after.isSymbol("*"))
        }
      }
      i += 1
    }
    return false
  }

  /// parenthesizedPath := '(' [variable '='] (parenthesizedPath | chain) [WHERE expression] ')'
  ///
  /// The whole path pattern in parentheses, as Neo4j 5 writes it: the WHERE checks the path
  /// (it joins the pattern's inline checks) and the variable names the path. Nothing may
  /// follow it in the pattern.
  mutating func parenthesizedPath() throws -> PatternPart {
    let open = current
    try expectSymbol("(")
    var subpath: String?
    if current.kind == .identifier || current.kind == .quotedIdentifier, peek().isSymbol("=") {
      subpath = current.text
      advance()
      advance()
    }
    var part = try nest { try $0.atParenthesizedPath ? $0.parenthesizedPath() : $0.patternChain() }
    if eat(.where) {
      let p = try expression()
      part.predicate = part.predicate.map { .binary(.and, $0, p, Loc(open.position)) } ?? p
    }
    try expectSymbol(")")
    if let subpath { part.subpathVariables.insert(subpath, at: 0) }
    part.parenthesized = true
    part.loc = Loc(open.position)
    if atSymbol("-") || atSymbol("<") || atSymbol("(") {
      throw unexpected(expected: "the end of the pattern after a parenthesized path pattern, or a quantifier")
    }
    return part
  }

  /// quantifiedPathPattern := '(' chain [WHERE expression] ')' quantifier [nodePattern]
  ///
  /// A quantified path pattern of one relationship becomes that relationship, quantified, with
  /// the inner nodes and WHERE as its `group`; one of more relationships becomes a relationship
  /// that carries only the quantifier and the `group`. The node after it is the one written
  /// next, or an anonymous one.
  mutating func quantifiedPathPattern() throws -> PatternStep {
    let open = current
    try expectSymbol("(")
    let inner = try nest { try $0.patternChain() }
    let predicate = try eat(.where) ? expression() : nil
    try expectSymbol(")")
    guard atQuantifier else {
      throw unexpected(expected: "a quantifier such as {1,3}, + or * after the parenthesized path pattern")
    }
    let length = try quantifier()
    guard let step = inner.steps.first else {
      throw QuiverError.syntax(
        .invalidRelationshipPattern, "a quantified path pattern must contain at least one relationship", at: open.position)
    }
    if inner.steps.contains(where: { $0.relationship.length != nil }) {
      throw QuiverError.syntax(
        .invalidRelationshipPattern, "quantified path patterns and variable-length relationships cannot be nested",
        at: open.position)
    }
    let group = PatternGroup(start: inner.start, steps: inner.steps, predicate: predicate)
    var rel = step.relationship
    if inner.steps.count > 1 {
      rel = RelationshipPattern(variable: nil, types: [], direction: .both, properties: nil, length: nil, loc: rel.loc)
    }
    rel.length = length
    rel.quantified = true
    rel.group = group
    rel.loc = Loc(open.position)
    var node = NodePattern(variable: nil, labels: [], properties: nil, loc: Loc(current.position))
    if atSymbol("("), !atQuantifiedPathPattern { node = try nodePattern() }
    return PatternStep(relationship: rel, node: node)
  }

  /// pathSelector := (ANY SHORTEST | ALL SHORTEST | SHORTEST count | ANY [count] | ALL) [PATH | PATHS]
  ///   | SHORTEST [count] [PATH | PATHS] (GROUP | GROUPS)
  /// count := int | parameter
  ///
  /// Nil when no selector is written; `ALL` alone (every path) is the default and gives nil. A
  /// count given by a parameter is returned beside the selector, which then holds 1.
  mutating func pathSelector() throws -> (selector: PathSelector, count: Expression?)? {
    var count: Expression?
    guard let selector = try selectorWords(count: &count) else { return nil }
    eatPathWord()
    return selector.map { ($0, count) }
  }

  /// A selector count follows: an integer or a parameter.
  private func isCount(_ t: Token) -> Bool { t.kind == .integer || t.kind == .parameter }

  /// The selector itself; `PATH` or `PATHS` may follow it.
  private mutating func selectorWords(count: inout Expression?) throws -> PathSelector?? {
    if at(.all), peek().isKeyword(.shortest) {
      advance()
      advance()
      return .some(.allShortest)
    }
    if at(.all), peek().isSymbol("(") || isPathWord(peek()) {
      advance()
      return .some(nil)
    }
    if at(.any), peek().isKeyword(.shortest) {
      advance()
      advance()
      return .some(.shortest(1))
    }
    if at(.any), peek().isSymbol("(") || isCount(peek()) || isPathWord(peek()) {
      advance()
      return .some(.any(isCount(current) ? try selectorCount(&count) : 1))
    }
    if at(.shortest), isCount(peek()) || peek().isKeyword(.groups) || isGroupWord(peek()) || isPathWord(peek()) {
      advance()
      let k = isCount(current) ? try selectorCount(&count) : 1
      eatPathWord()
      if eat(.groups) || eatGroupWord() { return .some(.shortestGroups(k)) }
      return .some(.shortest(k))
    }
    return nil
  }

  /// `PATH` or `PATHS` before the pattern a selector applies to.
  private func isPathWord(_ t: Token) -> Bool {
    t.kind == .identifier && ["PATH", "PATHS"].contains(t.text.uppercased())
  }

  private mutating func eatPathWord() {
    if isPathWord(current), peek().isSymbol("(") || peek().isKeyword(.groups) || isGroupWord(peek()) { advance() }
  }

  /// GQL's singular `GROUP` (Neo4j writes `GROUPS`).
  private func isGroupWord(_ t: Token) -> Bool {
    t.kind == .identifier && t.text.uppercased() == "GROUP"
  }

  private mutating func eatGroupWord() -> Bool {
    guard isGroupWord(current) else { return false }
    advance()
    return true
  }

  /// An integer count, or 1 for a parameter (which goes to `parameter`).
  private mutating func selectorCount(_ parameter: inout Expression?) throws -> Int {
    if current.kind == .parameter {
      parameter = .parameter(current.text, Loc(current.position))
      advance()
      return 1
    }
    guard let v = Int(current.text), v > 0 else {
      throw QuiverError.syntax(.invalidRange, "a path selector needs a positive count, got '\(current.text)'", at: current.position)
    }
    advance()
    return v
  }

  /// matchMode := [REPEATABLE (ELEMENT | ELEMENTS) | DIFFERENT (RELATIONSHIP | RELATIONSHIPS)]
  ///
  /// True for REPEATABLE ELEMENTS; DIFFERENT RELATIONSHIPS is the default.
  mutating func matchMode() throws -> Bool {
    if at(.repeatable), peek().isKeyword(.elements) || peek().isKeyword(.element) {
      advance()
      advance()
      return true
    }
    if at(.different), peek().isKeyword(.relationships) || peek().isKeyword(.relationship) {
      advance()
      advance()
    }
    return false
  }
}
