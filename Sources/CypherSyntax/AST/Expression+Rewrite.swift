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

  /// Names of the variables the expression reads (outside nested scopes' own variables).
  package var referencedVariables: Set<String> {
    var names = Set<String>()
    _ = rewritten { e in
      if case .variable(let n, _) = e { names.insert(n) }
      if case .mapProjection(let s, let items) = e {
        names.formUnion(s.referencedVariables)
        for case .variable(let n, _) in items { names.insert(n) }
        for case .literal(_, let v) in items { names.formUnion(v.referencedVariables) }
        return e
      }
      return nil
    }
    return names
  }
}
