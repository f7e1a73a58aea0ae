// The binder's checks for GQL pattern syntax: label expressions and inline WHERE stand only in
// patterns to match (not in CREATE or MERGE); quantified path patterns expose their variables
// as group variables (lists) and their inner WHERE sees only the iteration's own variables and
// those bound before the clause; path selectors and REPEATABLE ELEMENTS have their limits.
import CypherSyntax
import GraphCore

extension PatternPart {
  /// The WHERE predicates written inside node and single-relationship patterns: after the
  /// pattern is bound they filter it exactly as the clause's WHERE does.
  package var inlinePredicates: [Expression] {
    var found: [Expression] = []
    if let p = start.predicate { found.append(p) }
    for step in steps {
      if step.relationship.length == nil, let p = step.relationship.predicate { found.append(p) }
      if let p = step.node.predicate { found.append(p) }
    }
    if let p = predicate { found.append(p) }
    return found
  }

  /// Every expression written inside the pattern (property maps and WHERE predicates, inside
  /// quantified path patterns too), for the checks that look at all of them.
  var writtenExpressions: [Expression] {
    var nodes = [start] + steps.map(\.node)
    var found: [Expression] = []
    for step in steps {
      let rel = step.relationship
      found += [rel.properties, rel.predicate, rel.group?.predicate].compactMap { $0 }
      if let g = rel.group {
        nodes += g.nodes
        for inner in g.relationships { found += [inner.properties, inner.predicate].compactMap { $0 } }
      }
    }
    for node in nodes { found += [node.properties, node.predicate].compactMap { $0 } }
    if let count = selectorCount { found.append(count) }
    if let p = predicate { found.append(p) }
    return found
  }
}

extension Binder {
  /// Checks the GQL parts of patterns to match: literal property maps inside quantified path
  /// patterns, the path selectors Quiver runs, and bounded quantifiers under REPEATABLE ELEMENTS.
  func checkGQLPatterns(_ patterns: [PatternPart]) throws {
    for part in patterns {
      for case let g? in part.steps.map(\.relationship.group) {
        for case let p? in g.nodes.map(\.properties) + g.relationships.map(\.properties) {
          if case .map = p { continue }
          throw semanticError(
            .invalidParameterUse, "a pattern to match needs a literal property map, not a parameter or expression", p.position)
        }
      }
      if part.shortest != .none, part.steps.contains(where: { $0.relationship.group != nil }) {
        throw semanticError(
          .invalidRelationshipPattern,
          "shortestPath and allShortestPaths take one relationship, not a quantified path pattern; write a path selector such as SHORTEST 1",
          part.loc.position)
      }
      if part.repeatableElements && part.shortest == .none {
        for rel in part.steps.map(\.relationship) where rel.length != nil && rel.length?.max == nil {
          throw semanticError(
            .invalidRelationshipPattern,
            "under REPEATABLE ELEMENTS a quantifier needs an upper bound, or the pattern may match infinitely many paths",
            rel.loc.position)
        }
      }
    }
  }

  /// Refuses what only a pattern to match may hold in the pattern of CREATE or MERGE
  /// (`clause`): label expressions beyond `&`, type expressions, inline WHERE and quantifiers.
  func checkCreatable(_ patterns: [PatternPart], clause: String) throws {
    for part in patterns {
      if part.parenthesized {
        throw QuiverError.syntax(
          .unexpectedSyntax, "\(clause) takes a path pattern without parentheses around it", at: part.loc.position)
      }
      for node in [part.start] + part.steps.map(\.node) {
        if node.labelExpression != nil {
          throw QuiverError.syntax(
            .invalidLabelExpression, "labels in \(clause) can only be joined with & or :, not with |, ! or %",
            at: node.loc.position)
        }
        if node.predicate != nil, node.writtenPredicate || node.dynamicLabels.isEmpty {
          throw QuiverError.syntax(.invalidPatternPredicate, "a node pattern in \(clause) cannot have a WHERE", at: node.loc.position)
        }
        if node.dynamicLabels.contains(where: \.matchesAny) {
          throw QuiverError.syntax(
            .invalidLabelExpression, "\(clause) adds every label it is given: write $(…), not $any(…)",
            at: node.loc.position)
        }
      }
      for rel in part.steps.map(\.relationship) {
        if rel.typeExpression != nil {
          throw semanticError(
            .noSingleRelationshipType, "a relationship in \(clause) must have exactly one type, not a type expression",
            rel.loc.position)
        }
        if rel.dynamicTypes.contains(where: \.matchesAny) {
          throw QuiverError.syntax(
            .invalidLabelExpression, "\(clause) creates a relationship of the one type it is given: write $(…), not $any(…)",
            at: rel.loc.position)
        }
        if rel.predicate != nil, rel.writtenPredicate || rel.dynamicTypes.isEmpty {
          throw QuiverError.syntax(
            .invalidPatternPredicate, "a relationship pattern in \(clause) cannot have a WHERE", at: rel.loc.position)
        }
      }
      if part.selector != nil {
        throw QuiverError.syntax(.invalidRelationshipPattern, "\(clause) cannot take a path selector", at: part.loc.position)
      }
    }
  }

  /// Binds the parameters and calls inside the patterns' inline WHERE predicates and inside
  /// their quantified path patterns.
  mutating func visitInline(_ patterns: [PatternPart]) throws {
    for part in patterns {
      for p in part.writtenExpressions {
        try visit(p)
        try checkNoAggregate(inWhere: p)
      }
    }
  }

  /// Adds the group variables of a quantified path pattern to `scope`: lists of the nodes (and,
  /// past one relationship, the relationships) its inner patterns bound, one per iteration.
  /// They must be new names, each declared once inside the pattern. (The one relationship of a
  /// single-relationship pattern is declared as the walk's relationship list.)
  func declareGroup(_ group: PatternGroup, scope: inout BinderScope) throws {
    var declared: [(String, Loc)] = group.nodes.compactMap { n in n.variable.map { ($0, n.loc) } }
    if group.steps.count > 1 {
      declared += group.relationships.compactMap { r in r.variable.map { ($0, r.loc) } }
    }
    for (name, loc) in declared {
      try scope.checkNotHidden(name, loc.position)
      if scope[name] != nil {
        throw semanticError(
          .variableAlreadyBound,
          "variable `\(name)` is already defined; a quantified path pattern introduces new variables, each once",
          loc.position, name: name)
      }
      scope[name] = .init(kind: .value, type: .list)
    }
  }

  /// Resolves the inline predicates of `patterns` once the clause has declared its variables
  /// (`scope`). Predicates inside a quantified element see its singleton variables and the
  /// variables bound before the clause (`outer`).
  mutating func resolveInline(_ patterns: [PatternPart], outer: BinderScope, scope: BinderScope) throws {
    for part in patterns {
      for p in part.inlinePredicates { try resolvePredicate(p, scope) }
      for rel in part.steps.map(\.relationship) where rel.length != nil {
        let inner = Self.iterationScope(rel, outer: outer)
        var predicates = [rel.predicate].compactMap { $0 }
        if let g = rel.group {
          predicates += (g.nodes.flatMap { [$0.properties, $0.predicate] } + [g.predicate]).compactMap { $0 }
          if g.steps.count > 1 { predicates += g.relationships.flatMap { [$0.properties, $0.predicate] }.compactMap { $0 } }
        }
        for p in predicates { try resolve(p, inner, patternAllowed: true) }
      }
    }
  }

  /// The scope one iteration of a quantified relationship or path pattern sees: the clause's
  /// outer variables and the iteration's own nodes and relationship as singletons.
  static func iterationScope(_ rel: RelationshipPattern, outer: BinderScope) -> BinderScope {
    var inner = outer
    if let name = rel.variable { inner[name] = .init(kind: .relationship) }
    if let g = rel.group {
      for name in g.nodes.compactMap(\.variable) { inner[name] = .init(kind: .node) }
      for name in g.relationships.compactMap(\.variable) { inner[name] = .init(kind: .relationship) }
    }
    return inner
  }
}
