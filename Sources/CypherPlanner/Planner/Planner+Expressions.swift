// Binding expressions: names become slots, function names become enum cases, and pattern
// expressions and EXISTS become correlated sub-plans. The binder has checked names and types.
import CypherSyntax
import GraphCore

extension Planner {
  /// Binds `e` in `scope`. Aggregates are rejected here; projections lift them out first.
  mutating func bind(_ e: Expression, _ scope: Scope) throws -> PlanExpression {
    try nestedBind(e, scope)
  }

  /// Binds a WHERE predicate, in which bare patterns may stand as booleans.
  mutating func bindPredicate(_ e: Expression, _ scope: Scope) throws -> PlanExpression {
    try bind(e, scope)
  }

  private mutating func nestedBind(_ e: Expression, _ scope: Scope) throws -> PlanExpression {
    switch e {
    case .literal(let l):
      return .constant(l.value)
    case .parameter(let name, _):
      return .parameter(name)
    case .variable(let name, let loc):
      return .slot(try scope.variable(name, at: loc).slot)
    case .property(let owner, let key):
      return .property(try bind(owner, scope), propertyKey(key))
    case .subscript(let owner, let index):
      return .subscript(try bind(owner, scope), try bind(index, scope))
    case .slice(let owner, let from, let to):
      return .slice(try bind(owner, scope), try from.map { try bind($0, scope) }, try to.map { try bind($0, scope) })
    case .list(let items):
      return .list(try items.map { try bind($0, scope) })
    case .map(let entries):
      return .map(try entries.map { ($0.key, try bind($0.value, scope)) })
    case .unary(let op, let operand):
      let x = try bind(operand, scope)
      switch op {
      case .not: return .not(x)
      case .minus: return .negate(x)
      case .plus: return .binary(.add, .constant(.int(0)), x)
      }
    case .binary(let op, let l, let r, _):
      let a = try bind(l, scope)
      let b = try bind(r, scope)
      switch op {
      case .and: return .and(a, b)
      case .or: return .or(a, b)
      case .xor: return .xor(a, b)
      default:
        guard let valueOperator = PlanBinaryOperator(op) else {
          preconditionFailure("unreachable: every binary operator but AND, OR and XOR is a value operator")
        }
        return .binary(valueOperator, a, b)
      }
    case .isNull(let x, let negated):
      return .isNull(try bind(x, scope), negated: negated)
    case .typePredicate(let x, let type, let negated):
      return .typePredicate(try bind(x, scope), type, negated: negated)
    case .hasLabels(let x, let labels):
      return .hasLabels(try bind(x, scope), labels.map(label))
    case .function(let name, let distinct, let args, let loc):
      return try bindFunction(name, distinct: distinct, args, loc.position, scope)
    case .countStar(let loc):
      preconditionFailure("unreachable: the binder refuses count(*) outside columns, at \(loc.position)")
    case .caseExpression(let subject, let branches, let otherwise):
      return .caseExpression(
        subject: try subject.map { try bind($0, scope) },
        branches: try branches.map { (try bind($0.condition, scope), try bind($0.result, scope)) },
        otherwise: try otherwise.map { try bind($0, scope) })
    case .listComprehension(let variable, let list, let predicate, let projection):
      let boundList = try bind(list, scope)
      var inner = scope
      let slot = newSlot()
      inner[variable] = Variable(slot: slot, kind: .value, type: scope.elementType(list))
      return .listComprehension(
        slot: slot, list: boundList, predicate: try predicate.map { try bind($0, inner) },
        projection: try projection.map { try bind($0, inner) })
    case .quantifier(let q, let variable, let list, let predicate, _):
      let boundList = try bind(list, scope)
      var inner = scope
      let slot = newSlot()
      inner[variable] = Variable(slot: slot, kind: .value, type: scope.elementType(list))
      return .quantifier(PlanQuantifier(q), slot: slot, list: boundList, predicate: try bind(predicate, inner))
    case .reduce(let acc, let initial, let variable, let list, let body):
      let boundInitial = try bind(initial, scope)
      let boundList = try bind(list, scope)
      var inner = scope
      let accSlot = newSlot()
      let slot = newSlot()
      inner[acc] = Variable(slot: accSlot, kind: .value)
      inner[variable] = Variable(slot: slot, kind: .value)
      return .reduce(accumulator: accSlot, initial: boundInitial, slot: slot, list: boundList, expression: try bind(body, inner))
    case .patternComprehension(let pathVariable, var pattern, let predicate, let projection, _):
      pattern.pathVariable = pathVariable
      var inner = scope
      let sub = try planMatch(.argument, optional: false, patterns: [pattern], predicate: predicate, scope: &inner)
      return .subquery(sub, .collect(try bind(projection, inner)))
    case .patternPredicate(let pattern, _):
      var inner = scope
      let sub = try planMatch(.argument, optional: false, patterns: [pattern], predicate: nil, scope: &inner)
      return .subquery(sub, .exists)
    case .exists(let body, _):
      let sub = try planSubqueryRows(body, scope)
      return .subquery(sub, .exists)
    case .countSubquery(let body, _):
      let sub = try planSubqueryRows(body, scope)
      return .subquery(sub, .count)
    case .collectSubquery(let body, let loc):
      let (sub, columns) = try planQuery(body, input: .argument, scope: scope, isSubquery: false)
      guard columns.count == 1 else {
        preconditionFailure("unreachable: the binder refuses a COLLECT subquery without exactly one column, at \(loc.position)")
      }
      return .subquery(sub, .collect(.slot(columns[0].1)))
    case .mapProjection(let subject, let items):
      let owner = try bind(subject, scope)
      var bound: [PlanMapProjectionItem] = []
      for item in items {
        switch item {
        case .property(let k): bound.append(.property(k))
        case .allProperties: bound.append(.allProperties)
        case .literal(let k, let v): bound.append(.entry(k, try bind(v, scope)))
        case .variable(let name, let loc):
          bound.append(.entry(name, .slot(try scope.variable(name, at: loc).slot)))
        }
      }
      return .mapProjection(owner, bound)
    }
  }

  /// The rows of the body of EXISTS { … } or COUNT { … }: a pattern with an optional WHERE, or a
  /// query whose parts need not end in RETURN (the binder has checked the body reads only).
  private mutating func planSubqueryRows(_ body: ExistsSubquery, _ scope: Scope) throws -> PlanOperator {
    switch body {
    case .pattern(let patterns, let predicate):
      var inner = scope
      return try planMatch(.argument, optional: false, patterns: patterns, predicate: predicate, scope: &inner)
    case .query(let q):
      // Parts that all end in RETURN are planned as a query, so that UNION removes duplicate
      // rows before COUNT counts them.
      if q.parts.allSatisfy(\.endsWithReturn) {
        return try planQuery(q, input: .argument, scope: scope, isSubquery: false).0
      }
      // Parts without RETURN run one after another.
      let branches = try q.parts.map { try planSingle($0, input: .argument, scope: scope).0 }
      return branches.count == 1 ? branches[0] : .union(branches, outputs: [], distinct: false)
    }
  }

  private mutating func bindFunction(
    _ name: String, distinct: Bool, _ args: [Expression], _ p: SourcePosition, _ scope: Scope
  ) throws -> PlanExpression {
    let lower = name.lowercased()
    if catalog.isAggregate(lower) {
      preconditionFailure("unreachable: the binder refuses aggregate \(name)() outside columns, at \(p)")
    }
    // The binder has checked the name, the number of arguments and DISTINCT.
    if lower == "exists" {
      if case .property = args[0] { return .isNull(try bind(args[0], scope), negated: true) }
      return try bindPredicate(args[0], scope)
    }
    if let t = TemporalFunction.resolve(lower) { return try bindTemporal(t, args, scope) }
    guard let f = ScalarFunction.byName[lower] else {
      guard let user = catalog.function(named: lower) else {
        preconditionFailure("unreachable: the binder refuses unknown functions")
      }
      return .userFunction(user, try args.map { try bind($0, scope) })
    }
    if f == .linenumber || f == .file { return loadCSVPosition(f, scope) }
    return .function(f, try args.map { try bind($0, scope) })
  }
}

extension Literal {
  var value: Value {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .string(s)
    }
  }
}

extension PatternPart {
  /// Every variable a pattern names (path, nodes, relationships).
  var introducedNames: [String] {
    var names: [String] = []
    if let p = pathVariable { names.append(p) }
    names += subpathVariables
    if let v = start.variable { names.append(v) }
    for step in steps {
      if let v = step.relationship.variable { names.append(v) }
      // A quantified path pattern's inner variables are its group variables.
      if let g = step.relationship.group {
        names += g.nodes.compactMap(\.variable)
        if g.steps.count > 1 { names += g.relationships.compactMap(\.variable) }
      }
      if let v = step.node.variable { names.append(v) }
    }
    return names
  }
}

extension Expression {
  /// True when a call of an aggregating function (built in, or registered in `catalog`) appears
  /// anywhere outside nested subqueries and pattern comprehensions.
  func containsAggregate(_ catalog: any ProcedureCatalog) -> Bool {
    var found = false
    forEachSubexpression { e in
      if found { return false }
      switch e {
      case .countStar:
        found = true
      case .function(let name, _, _, _) where catalog.isAggregate(name):
        found = true
      case .patternComprehension:
        return false
      default:
        return true
      }
      return !found
    }
    return found
  }
}
