// Label expression productions: `:A|B`, `:A&B`, `:!A`, `:%`, parentheses and the `IS` form, on
// node and relationship patterns and as predicates in expressions (`n:A|B`, `n IS A`). The
// legacy forms `:A:B` (nodes) and `:R|:S` (relationships) parse here too.
import GraphCore

extension Parser {
  /// Whether `t` can begin a label expression after `:` or `IS`.
  func startsLabelAtom(_ t: Token) -> Bool {
    t.kind == .identifier || t.kind == .quotedIdentifier || t.isSymbol("!") || t.isSymbol("%") || t.isSymbol("(")
  }

  /// patternLabels := (':' | IS) labelOr (':' labelName)*
  ///
  /// The label expression after a node or relationship variable. Colons after the first join
  /// plain names only: mixing `:A:B` with `|`, `&` or `!` is refused, as Neo4j refuses it.
  mutating func patternLabelExpression(relationship: Bool) throws -> LabelExpression {
    let isForm = eat(.is)
    if !isForm { try expectSymbol(":") }
    var e = try labelOr(relationship: relationship, inExpression: false)
    while atSymbol(":") {
      let t = current
      advance()
      let next = try labelOr(relationship: relationship, inExpression: false)
      guard !relationship, !isForm, e.conjunctNames != nil, case .name = next else {
        throw QuiverError.syntax(
          .invalidLabelExpression,
          relationship
            ? "a relationship has one type: write alternatives as :A|B"
            : "mixing the colon conjunction (:A:B) with a label expression is not allowed; write :A&B&C",
          at: t.position)
      }
      e = .and(e, next)
    }
    return e
  }

  /// The label predicate after `:` or `IS` in an expression (`n:A|B`, `n IS !A`), as the
  /// boolean expression it stands for over `target`.
  mutating func labelPredicate(on target: Expression, isForm: Bool) throws -> Expression {
    let loc = Loc(current.position)
    var e = try labelOr(relationship: false, inExpression: true)
    while !isForm, atSymbol(":"), startsLabelAtom(peek()) {
      let t = current
      advance()
      let next = try labelOr(relationship: false, inExpression: true)
      guard e.conjunctNames != nil, case .name = next else {
        throw QuiverError.syntax(
          .invalidLabelExpression,
          "mixing the colon conjunction (:A:B) with a label expression is not allowed; write :A&B&C", at: t.position)
      }
      e = .and(e, next)
    }
    if let names = e.conjunctNames { return .hasLabels(target, names) }
    return Self.predicate(e, on: target, loc)
  }

  /// `e` over `target` as an expression of label checks: a name is `target:Name`, `%` any label.
  private static func predicate(_ e: LabelExpression, on target: Expression, _ loc: Loc) -> Expression {
    switch e {
    case .name(let n): return .hasLabels(target, [n])
    case .wildcard: return .hasLabels(target, [])
    case .not(let inner): return .unary(.not, predicate(inner, on: target, loc))
    case .and(let a, let b): return .binary(.and, predicate(a, on: target, loc), predicate(b, on: target, loc), loc)
    case .or(let a, let b): return .binary(.or, predicate(a, on: target, loc), predicate(b, on: target, loc), loc)
    }
  }

  /// labelOr := labelAnd ('|' [':'] labelAnd)*   (the colon only between relationship types)
  mutating func labelOr(relationship: Bool, inExpression: Bool) throws -> LabelExpression {
    var e = try labelAnd(relationship: relationship, inExpression: inExpression)
    var links = 0
    defer { treeDepth -= links }
    while atSymbol("|"), !inExpression || continuesLabelExpression() {
      advance()
      if relationship { _ = eatSymbol(":") }
      try link(&links)
      e = .or(e, try labelAnd(relationship: relationship, inExpression: inExpression))
    }
    return e
  }

  /// labelAnd := labelNot ('&' labelNot)*
  private mutating func labelAnd(relationship: Bool, inExpression: Bool) throws -> LabelExpression {
    var e = try labelNot(relationship: relationship, inExpression: inExpression)
    var links = 0
    defer { treeDepth -= links }
    while eatSymbol("&") {
      try link(&links)
      e = .and(e, try labelNot(relationship: relationship, inExpression: inExpression))
    }
    return e
  }

  /// labelNot := '!' labelNot | labelAtom
  /// labelAtom := '%' | '(' labelOr ')' | labelName
  private mutating func labelNot(relationship: Bool, inExpression: Bool) throws -> LabelExpression {
    if eatSymbol("!") {
      return .not(try nest { try $0.labelNot(relationship: relationship, inExpression: inExpression) })
    }
    if eatSymbol("%") { return .wildcard }
    if eatSymbol("(") {
      let e = try nest { try $0.labelOr(relationship: relationship, inExpression: inExpression) }
      try expectSymbol(")")
      return e
    }
    return .name(try symbolicName(relationship ? "a relationship type" : "a label name"))
  }

  /// In an expression, `|` after a label can also end a list comprehension's WHERE
  /// (`[x IN xs WHERE x:A | x.name]`): it continues the label expression only when a label
  /// follows that is not itself the start of a projection.
  private func continuesLabelExpression() -> Bool {
    let next = peek()
    if next.isSymbol("!") || next.isSymbol("%") { return true }
    guard next.kind == .identifier || next.kind == .quotedIdentifier else { return false }
    let after = peek(2)
    guard after.kind == .symbol else { return true }
    return ["|", "&", ":", ")", ",", "}", ";"].contains(after.text)
  }
}
