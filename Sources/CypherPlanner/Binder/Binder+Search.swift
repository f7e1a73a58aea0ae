// The binder's rules for the SEARCH subclause of MATCH (Cypher 25 manual, "SEARCH"): the binding
// variable is a node or relationship the same MATCH introduces; the pattern is that one entity,
// or one hop whose other elements are anonymous and unconstrained; the query vector and LIMIT
// do not depend on the binding variable; the filter is property predicates of the binding
// variable joined by AND, at most one bound per direction per property. Whether the index exists
// and covers the right entities is checked when the search runs.
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks `search` against the MATCH's `patterns`, with `outer` the scope before the MATCH.
  func checkSearch(_ search: VectorSearch, _ patterns: [PatternPart], outer: BinderScope) throws {
    let v = search.variable
    let at = search.variableLoc.position
    if outer[v] != nil {
      throw semanticError(
        .invalidVectorSearch, "invalid search variable reference: `\(v)` must reference a variable from the same MATCH statement", at,
        name: v)
    }
    guard patterns.contains(where: { $0.introducedNames.contains(v) }) else {
      throw semanticError(.undefinedVariable, "variable `\(v)` not defined", at, name: v)
    }
    try checkSearchPattern(patterns, v, at: search.loc.position)
    for e in [search.query, search.limit] where e.mentionedNames.contains(v) {
      throw semanticError(
        .invalidVectorSearch,
        "self-referencing in vector search: the query vector and LIMIT of SEARCH may not depend on the binding variable `\(v)`",
        search.loc.position, name: v)
    }
    if let filter = search.filter { try checkSearchFilter(filter, v, at: search.loc.position) }
  }

  /// The pattern limits of SEARCH: one pattern part, no path selector or path variable, at most
  /// one relationship hop of fixed length, and no variable or predicate on any other element.
  private func checkSearchPattern(_ patterns: [PatternPart], _ v: String, at p: SourcePosition) throws {
    func refuse(_ why: String) -> QuiverError {
      semanticError(.invalidVectorSearch, "the pattern of a MATCH with SEARCH \(why)", p)
    }
    guard patterns.count == 1, let part = patterns.first else { throw refuse("cannot have multiple pattern parts") }
    if part.selector != nil || part.shortest != .none { throw refuse("cannot have a path selector other than ALL") }
    if part.pathVariable != nil || !part.subpathVariables.isEmpty { throw refuse("cannot have more than one bound variable") }
    guard part.steps.count <= 1 else { throw refuse("cannot be longer than one relationship hop") }
    var nodes = [part.start]
    for step in part.steps {
      let rel = step.relationship
      if rel.length != nil || rel.quantified || rel.group != nil { throw refuse("cannot be longer than one relationship hop") }
      nodes.append(step.node)
      if rel.variable != v {
        if rel.variable != nil { throw refuse("cannot have more than one bound variable") }
        if !rel.types.isEmpty || rel.typeExpression != nil || rel.properties != nil || rel.predicate != nil || !rel.dynamicTypes.isEmpty {
          throw refuse("cannot have predicates on other elements than `\(v)`")
        }
      }
    }
    for node in nodes where node.variable != v {
      if node.variable != nil { throw refuse("cannot have more than one bound variable") }
      if !node.labels.isEmpty || node.labelExpression != nil || node.properties != nil || node.predicate != nil
        || !node.dynamicLabels.isEmpty
      {
        throw refuse("cannot have predicates on other elements than `\(v)`")
      }
    }
  }

  /// The filter of vector search with filters: each conjunct is `v.p op value` (op one of `=`,
  /// `<`, `<=`, `>`, `>=`, either way round), `v.p IN list`, `v.p` or `NOT v.p`, where the value
  /// does not mention `v`; per property at most one equality or IN, or at most one bound each way.
  private func checkSearchFilter(_ filter: Expression, _ v: String, at p: SourcePosition) throws {
    let invalid = semanticError(
      .invalidVectorSearch,
      "invalid predicate for vector search with filters: the filter must consist of one or more property predicates of `\(v)` "
        + "joined by AND, and the predicates on each property must give an exact value (`\(v).prop = 1`), a half-bounded "
        + "range (`\(v).prop >= 1`) or a bounded range (`\(v).prop > 1 AND \(v).prop < 100`)",
      p)
    /// The variable and key of `e` when it is a property of a variable.
    func property(_ e: Expression) -> (String, String)? {
      if case .property(.variable(let owner, _), let key) = e { return (owner, key) }
      return nil
    }
    func checkVariable(_ owner: String) throws {
      guard owner == v else {
        throw semanticError(
          .invalidVectorSearch,
          "wrong variable for vector search with filters: the variable `\(owner)` in a vector search filter property predicate "
            + "must be the same as the search clause binding variable `\(v)`",
          p, name: owner)
      }
    }
    enum Bound { case exact, lower, upper }
    var bounds: [String: [Bound]] = [:]
    for conjunct in filter.conjuncts {
      var found: (String, String, Bound)?
      switch conjunct {
      case .binary(let op, let a, let b, _) where [.equal, .less, .lessOrEqual, .greater, .greaterOrEqual, .in].contains(op):
        if let (owner, key) = property(a), !b.mentionedNames.contains(v) {
          try checkVariable(owner)
          found = (owner, key, op == .equal || op == .in ? .exact : (op == .greater || op == .greaterOrEqual ? .lower : .upper))
        } else if op != .in, let (owner, key) = property(b), !a.mentionedNames.contains(v) {
          try checkVariable(owner)
          found = (owner, key, op == .equal ? .exact : (op == .less || op == .lessOrEqual ? .lower : .upper))
        }
      case .unary(.not, let inner):
        if let (owner, key) = property(inner) {
          try checkVariable(owner)
          found = (owner, key, .exact)
        }
      default:
        if let (owner, key) = property(conjunct) {
          try checkVariable(owner)
          found = (owner, key, .exact)
        }
      }
      guard let (_, key, bound) = found else { throw invalid }
      let seen = bounds[key, default: []]
      if seen.contains(bound) || (bound == .exact && !seen.isEmpty) || seen.contains(.exact) { throw invalid }
      bounds[key, default: []].append(bound)
    }
  }

  /// The property keys the filter of `search` reads, in the order written.
  static func searchFilterKeys(_ search: VectorSearch) -> [String] {
    var keys: [String] = []
    for conjunct in search.filter?.conjuncts ?? [] {
      _ = conjunct.rewritten { e in
        if case .property(.variable(let owner, _), let key) = e, owner == search.variable, !keys.contains(key) { keys.append(key) }
        return nil
      }
    }
    return keys
  }
}
