// Structural rewriting of expressions, used by the planner to lift aggregates out of projections
// and to let ORDER BY refer to projected expressions.

extension Expression {
  /// A copy with every sub-expression for which `transform` returns a value replaced by it.
  /// The tree is visited top-down; a replaced node's children are not visited.
  package func rewritten(_ transform: (Expression) throws -> Expression?) rethrows -> Expression {
    if let replacement = try transform(self) { return replacement }
    func r(_ e: Expression) throws -> Expression { try e.rewritten(transform) }
    func ro(_ e: Expression?) throws -> Expression? { try e.map { try $0.rewritten(transform) } }
    switch self {
    case .literal, .parameter, .variable, .countStar, .patternPredicate, .exists, .countSubquery, .collectSubquery:
      return self
    case .property(let e, let k): return .property(try r(e), k)
    case .subscript(let a, let b): return .subscript(try r(a), try r(b))
    case .slice(let a, let b, let c): return .slice(try r(a), from: try ro(b), to: try ro(c))
    case .list(let es): return .list(try es.map(r))
    case .map(let es): return .map(try es.map { MapEntry(key: $0.key, value: try r($0.value)) })
    case .unary(let op, let e): return .unary(op, try r(e))
    case .binary(let op, let a, let b, let l): return .binary(op, try r(a), try r(b), l)
    case .isNull(let e, let n): return .isNull(try r(e), negated: n)
    case .typePredicate(let e, let t, let n): return .typePredicate(try r(e), t, negated: n)
    case .hasLabels(let e, let ls): return .hasLabels(try r(e), ls)
    case .function(let n, let d, let args, let l): return .function(name: n, distinct: d, arguments: try args.map(r), l)
    case .caseExpression(let s, let bs, let o):
      return .caseExpression(
        subject: try ro(s), branches: try bs.map { CaseBranch(condition: try r($0.condition), result: try r($0.result)) },
        otherwise: try ro(o))
    case .listComprehension(let v, let l, let p, let m):
      return .listComprehension(variable: v, list: try r(l), predicate: try ro(p), projection: try ro(m))
    case .quantifier(let q, let v, let l, let p, let loc):
      return .quantifier(q, variable: v, list: try r(l), predicate: try r(p), loc)
    case .reduce(let a, let i, let v, let l, let e):
      return .reduce(accumulator: a, initial: try r(i), variable: v, list: try r(l), expression: try r(e))
    case .patternComprehension(let pv, let pat, let p, let m, let l):
      return .patternComprehension(pathVariable: pv, pattern: pat, predicate: try ro(p), projection: try r(m), l)
    case .mapProjection(let e, let items):
      return .mapProjection(
        try r(e),
        try items.map { item in
          if case .literal(let k, let v) = item { return .literal(k, try r(v)) }
          return item
        })
    }
  }

  /// Visits the expression and its sub-expressions top-down, in the order `rewritten` does,
  /// without building anything; `visit` returns whether to go on into the node's children.
  /// For the checks that only look (a rewrite that replaces nothing still copied the tree).
  package func forEachSubexpression(_ visit: (Expression) throws -> Bool) rethrows {
    guard try visit(self) else { return }
    func v(_ e: Expression) throws { try e.forEachSubexpression(visit) }
    func vo(_ e: Expression?) throws { if let e { try e.forEachSubexpression(visit) } }
    switch self {
    case .literal, .parameter, .variable, .countStar, .patternPredicate, .exists, .countSubquery, .collectSubquery:
      return
    case .property(let e, _), .unary(_, let e), .isNull(let e, _), .typePredicate(let e, _, _), .hasLabels(let e, _):
      try v(e)
    case .subscript(let a, let b), .binary(_, let a, let b, _):
      try v(a)
      try v(b)
    case .slice(let a, let b, let c):
      try v(a)
      try vo(b)
      try vo(c)
    case .list(let es), .function(_, _, let es, _): for e in es { try v(e) }
    case .map(let es): for e in es { try v(e.value) }
    case .caseExpression(let s, let bs, let o):
      try vo(s)
      for b in bs {
        try v(b.condition)
        try v(b.result)
      }
      try vo(o)
    case .listComprehension(_, let l, let p, let m):
      try v(l)
      try vo(p)
      try vo(m)
    case .quantifier(_, _, let l, let p, _):
      try v(l)
      try v(p)
    case .reduce(_, let i, _, let l, let e):
      try v(i)
      try v(l)
      try v(e)
    case .patternComprehension(_, _, let p, let m, _):
      try vo(p)
      try v(m)
    case .mapProjection(let e, let items):
      try v(e)
      for case .literal(_, let value) in items { try v(value) }
    }
  }

  /// Names of the variables the expression reads (outside nested scopes' own variables).
  package var referencedVariables: Set<String> {
    var names = Set<String>()
    forEachSubexpression { e in
      if case .variable(let n, _) = e { names.insert(n) }
      if case .mapProjection(let s, let items) = e {
        names.formUnion(s.referencedVariables)
        for case .variable(let n, _) in items { names.insert(n) }
        for case .literal(_, let v) in items { names.formUnion(v.referencedVariables) }
        return false
      }
      return true
    }
    return names
  }
}
