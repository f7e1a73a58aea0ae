// Expression productions, lowest precedence first: OR, XOR, AND, NOT, comparison chains,
// string/list/null predicates, arithmetic, unary signs, postfix lookups and atoms.
import GraphCore

extension Parser {
  /// expression := orExpression
  mutating func expression() throws -> Expression {
    try nest { try $0.orExpression() }
  }

  mutating func orExpression() throws -> Expression {
    var e = try xorExpression()
    var links = 0
    defer { treeDepth -= links }
    while at(.or) {
      let loc = Loc(current.position)
      advance()
      try link(&links)
      e = .binary(.or, e, try xorExpression(), loc)
    }
    return e
  }

  mutating func xorExpression() throws -> Expression {
    var e = try andExpression()
    var links = 0
    defer { treeDepth -= links }
    while at(.xor) {
      let loc = Loc(current.position)
      advance()
      try link(&links)
      e = .binary(.xor, e, try andExpression(), loc)
    }
    return e
  }

  mutating func andExpression() throws -> Expression {
    var e = try notExpression()
    var links = 0
    defer { treeDepth -= links }
    while at(.and) {
      let loc = Loc(current.position)
      advance()
      try link(&links)
      e = .binary(.and, e, try notExpression(), loc)
    }
    return e
  }

  mutating func notExpression() throws -> Expression {
    if eat(.not) {
      return .unary(.not, try nest { try $0.notExpression() })
    }
    return try comparisonExpression()
  }

  /// comparison := predicate (op predicate)*; `a < b < c` means `a < b AND b < c`.
  mutating func comparisonExpression() throws -> Expression {
    let first = try predicateExpression()
    var comparisons: [Expression] = []
    var left = first
    var links = 0
    defer { treeDepth -= links }
    while let op = comparisonOperator() {
      let loc = Loc(current.position)
      advance()
      try link(&links)
      let right = try predicateExpression()
      comparisons.append(.binary(op, left, right, loc))
      left = right
    }
    guard var result = comparisons.first else { return first }
    for c in comparisons.dropFirst() {
      result = .binary(.and, result, c, Loc(current.position))
    }
    return result
  }

  private func comparisonOperator() -> BinaryOperator? {
    guard current.kind == .symbol else { return nil }
    switch current.text {
    case "=": return .equal
    case "<>", "!=": return .notEqual
    case "<": return .less
    case ">": return .greater
    case "<=": return .lessOrEqual
    case ">=": return .greaterOrEqual
    default: return nil
    }
  }

  /// predicate := additive predicateSuffix*
  mutating func predicateExpression() throws -> Expression {
    var e = try additiveExpression()
    var links = 0
    defer { treeDepth -= links }
    while true {
      let mark = index
      guard let next = try predicateSuffix(e) else { return e }
      e = next
      checkProgress(since: mark)
      try link(&links)
    }
  }

  /// predicateSuffix := (STARTS WITH | ENDS WITH | CONTAINS | IN | =~) additive | IS [NOT] NULL
  ///   | labeledPredicate | typePredicate | normalizedPredicate
  /// applied to `e`; nil, consuming nothing, when no suffix follows. The extended simple CASE
  /// (`CASE x WHEN IS NULL …`) applies these to its subject.
  mutating func predicateSuffix(_ e: Expression) throws -> Expression? {
    let loc = Loc(current.position)
    if at(.starts) && peek().isKeyword(.with) {
      advance()
      advance()
      return .binary(.startsWith, e, try additiveExpression(), loc)
    } else if at(.ends) && peek().isKeyword(.with) {
      advance()
      advance()
      return .binary(.endsWith, e, try additiveExpression(), loc)
    } else if eat(.contains) {
      return .binary(.contains, e, try additiveExpression(), loc)
    } else if eat(.in) {
      return .binary(.in, e, try additiveExpression(), loc)
    } else if eatSymbol("=~") {
      return .binary(.regexMatch, e, try additiveExpression(), loc)
    } else if let labeled = try labeledSuffix(e) {
      return labeled
    } else if let typed = try typePredicateSuffix(e) {
      return typed
    } else if let normalized = try normalizedSuffix(e) {
      return normalized
    } else if at(.is), !peek().isKeyword(.null), !peek().isKeyword(.not), startsLabelAtom(peek()) {
      // `n IS A|B`: a label expression, as `n:A|B`.
      advance()
      return try labelPredicate(on: e, isForm: true)
    } else if at(.is) {
      advance()
      let negated = eat(.not)
      try expect(.null)
      return .isNull(e, negated: negated)
    }
    return nil
  }

  /// additive := multiplicative (('+' | '-' | '||') multiplicative)*
  mutating func additiveExpression() throws -> Expression {
    var e = try multiplicativeExpression()
    var links = 0
    defer { treeDepth -= links }
    while atSymbol("+") || atSymbol("-") || atDoubleBar {
      let op: BinaryOperator = atSymbol("+") ? .add : atSymbol("-") ? .subtract : .concatenate
      let loc = Loc(current.position)
      if op == .concatenate { advance() }
      advance()
      try link(&links)
      e = .binary(op, e, try multiplicativeExpression(), loc)
    }
    return e
  }

  mutating func multiplicativeExpression() throws -> Expression {
    var e = try powerExpression()
    var links = 0
    defer { treeDepth -= links }
    while atSymbol("*") || atSymbol("/") || atSymbol("%") {
      let op: BinaryOperator = atSymbol("*") ? .multiply : atSymbol("/") ? .divide : .modulo
      let loc = Loc(current.position)
      advance()
      try link(&links)
      e = .binary(op, e, try powerExpression(), loc)
    }
    return e
  }

  mutating func powerExpression() throws -> Expression {
    var e = try unaryExpression()
    var links = 0
    defer { treeDepth -= links }
    while atSymbol("^") {
      let loc = Loc(current.position)
      advance()
      try link(&links)
      e = .binary(.power, e, try unaryExpression(), loc)
    }
    return e
  }

  /// unary := ('+' | '-')* postfix; a minus before an integer literal folds into it so that
  /// -9223372036854775808 is representable.
  mutating func unaryExpression() throws -> Expression {
    if atSymbol("-") {
      advance()
      if current.kind == .integer {
        let t = current
        let e = try postfixExpression(negateLiteral: true)
        _ = t
        return e
      }
      return .unary(.minus, try nest { try $0.unaryExpression() })
    }
    if eatSymbol("+") {
      return .unary(.plus, try nest { try $0.unaryExpression() })
    }
    return try postfixExpression()
  }

  /// postfix := atom ('.' key | '[' index ']' | '[' from '..' to ']' | ':' labelOr)*
  mutating func postfixExpression(negateLiteral: Bool = false) throws -> Expression {
    var e = try atom(negateLiteral: negateLiteral)
    var links = 0
    defer { treeDepth -= links }
    while true {
      let mark = index
      if atSymbol(".") {
        advance()
        e = .property(e, try symbolicName("a property key"))
      } else if atSymbol("[") {
        advance()
        let first = atSymbol("..") ? nil : try expression()
        if eatSymbol("..") {
          let to = atSymbol("]") ? nil : try expression()
          try expectSymbol("]")
          e = .slice(e, from: first, to: to)
        } else if let first {
          try expectSymbol("]")
          e = .subscript(e, first)
        }
      } else if atSymbol(":"), startsLabelAtom(peek()), isLabelPredicateTarget(e) {
        advance()
        e = try labelPredicate(on: e, isForm: false)
      } else {
        return e
      }
      checkProgress(since: mark)
      try link(&links)
    }
  }

  private func isLabelPredicateTarget(_ e: Expression) -> Bool {
    switch e {
    case .variable, .property, .subscript, .function, .parameter: return true
    default: return false
    }
  }
}
