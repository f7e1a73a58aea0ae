// Choosing where a pattern starts: a node bound earlier, a seek in a node or relationship
// property index, a label scan or a scan of all nodes, whichever the statistics say yields the
// fewest rows. Seek candidates come from the pattern's property maps and the WHERE conjuncts.
import CypherSyntax
import GraphCore

/// How a pattern's first node is found.
enum StartAccess {
  case bound
  case scan(label: String?)
  case seek(index: String, label: String, bounds: SeekBounds)
}

/// Index bounds as written, before binding.
enum SeekBounds {
  case equal([Expression])
  case anyOf(Expression)
  case range(lower: Expression?, lowerInclusive: Bool, upper: Expression?, upperInclusive: Bool)
  case prefix(Expression)
  /// `point.withinBBox(key, lowerLeft, upperRight)`.
  case boundingBox(lowerLeft: Expression, upperRight: Expression)
  /// `point.distance(key, center) < radius` (or `<=`).
  case distance(center: Expression, radius: Expression)
}

extension Expression {
  /// The operands of a chain of ANDs (the expression itself when it is no AND).
  var conjuncts: [Expression] {
    if case .binary(.and, let a, let b, _) = self { return a.conjuncts + b.conjuncts }
    return [self]
  }
}

extension Planner {
  /// The cheapest way to start a pattern at `node`, with its estimated row count.
  func startOption(_ node: NodePattern, conjuncts: [Expression], outer: Set<String>, scope: Scope) -> (cost: Double, access: StartAccess) {
    if let name = node.variable, scope[name] != nil { return (0, .bound) }
    var best: (cost: Double, access: StartAccess) = (Double(statistics.nodeCount) + 2, .scan(label: nil))
    for label in node.labels {
      let count = Double(statistics.count(ofLabel: label)) + 1
      if count < best.cost { best = (count, .scan(label: label)) }
    }
    for label in node.labels {
      let candidates = seekCandidates(variable: node.variable, properties: node.properties, conjuncts: conjuncts, outer: outer) {
        statistics.nodeIndexName(label: label, properties: $0)
      }
      for candidate in candidates where candidate.cost < best.cost {
        best = (candidate.cost, .seek(index: candidate.index, label: label, bounds: candidate.bounds))
      }
    }
    return best
  }

  /// The cheapest seek in a relationship property index that can start `part`, if any: the
  /// relationship's position in the part, the index, the bounds and the estimated rows.
  func relationshipSeekOption(_ part: PatternPart, conjuncts: [Expression], outer: Set<String>, scope: Scope)
    -> (cost: Double, step: Int, index: String, bounds: SeekBounds)?
  {
    var best: (cost: Double, step: Int, index: String, bounds: SeekBounds)?
    for (i, step) in part.steps.enumerated() {
      let rel = step.relationship
      guard rel.length == nil, rel.types.count == 1, rel.variable.map({ scope[$0] == nil }) ?? true else { continue }
      // A loop on one node variable, `(a)-[r]->(a)`, is left to an expand into the bound node.
      let near = i == 0 ? part.start : part.steps[i - 1].node
      if let v = near.variable, v == step.node.variable { continue }
      let type = rel.types[0]
      let candidates = seekCandidates(variable: rel.variable, properties: rel.properties, conjuncts: conjuncts, outer: outer) {
        statistics.relationshipIndexName(type: type, properties: $0)
      }
      for c in candidates {
        let cost = c.cost * (rel.direction == .both ? 2 : 1)
        if cost < best?.cost ?? .infinity { best = (cost, i, c.index, c.bounds) }
      }
    }
    return best
  }

  /// Equality, range, prefix and IN predicates on the properties of the entity `variable` (written
  /// in its pattern's `properties` map or in WHERE) that an index found by `indexName` can answer,
  /// with estimated rows.
  private func seekCandidates(
    variable: String?, properties: Expression?, conjuncts: [Expression], outer: Set<String>, indexName: ([String]) -> String?
  ) -> [(cost: Double, index: String, bounds: SeekBounds)] {
    var equalities: [String: Expression] = [:]
    var others: [(String, SeekBounds)] = []
    func usable(_ e: Expression) -> Bool {
      e.referencedVariables.isSubset(of: outer) && !e.containsAggregate(catalog) && !e.containsPatterns
    }
    if case .map(let entries)? = properties {
      for entry in entries where usable(entry.value) { equalities[entry.key] = entry.value }
    }
    if let v = variable {
      for c in conjuncts {
        if let spatial = spatialBounds(c, variable: v, usable: usable) {
          others.append(spatial)
          continue
        }
        guard case .binary(let op, let l, let r, _) = c else { continue }
        var key: String?
        var value: Expression?
        var flipped = false
        if case .property(.variable(let name, _), let k) = l, name == v, usable(r) {
          (key, value) = (k, r)
        } else if case .property(.variable(let name, _), let k) = r, name == v, usable(l) {
          (key, value, flipped) = (k, l, true)
        }
        guard let key, let value else { continue }
        switch op {
        case .equal: equalities[key] = equalities[key] ?? value
        case .in where !flipped: others.append((key, .anyOf(value)))
        case .startsWith where !flipped: others.append((key, .prefix(value)))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
          let isUpper = (op == .less || op == .lessOrEqual) != flipped
          let inclusive = op == .lessOrEqual || op == .greaterOrEqual
          others.append((key, isUpper
            ? .range(lower: nil, lowerInclusive: true, upper: value, upperInclusive: inclusive)
            : .range(lower: value, lowerInclusive: inclusive, upper: nil, upperInclusive: true)))
        default: break
        }
      }
    }
    var out: [(cost: Double, index: String, bounds: SeekBounds)] = []
    for (key, value) in equalities.sorted(by: { $0.key < $1.key }) {
      if let index = indexName([key]) {
        out.append((estimate(index, equality: true), index, .equal([value])))
      }
    }
    if equalities.count > 1 {
      // A composite index whose properties all have equalities.
      let keys = equalities.keys.sorted()
      for size in stride(from: keys.count, through: 2, by: -1) {
        for combination in permutations(of: keys, size: size) {
          if let index = indexName(combination) {
            out.append((estimate(index, equality: true) / 2, index, .equal(combination.compactMap { equalities[$0] })))
          }
        }
      }
    }
    for (key, bounds) in others {
      guard let index = indexName([key]) else { continue }
      let entries = Double(statistics.indexStatistics(index).entries)
      let cost: Double
      switch bounds {
      case .anyOf: cost = estimate(index, equality: true) * 3
      case .prefix: cost = entries / 5 + 0.75
      default: cost = entries / 3 + 0.75
      }
      out.append((cost, index, bounds))
    }
    return out
  }

  /// The property of `variable` and the point bounds that `c` puts on it, when it is
  /// `point.withinBBox(v.key, ll, ur)`, `point.distance(v.key, c) < r` (or `<=`, either argument
  /// order, or `r > point.distance(…)`), with the other operands `usable`.
  private func spatialBounds(_ c: Expression, variable v: String, usable: (Expression) -> Bool) -> (String, SeekBounds)? {
    func key(_ e: Expression) -> String? {
      if case .property(.variable(let name, _), let k) = e, name == v { return k }
      return nil
    }
    if case .function(let name, false, let args, _) = c, name.lowercased() == "point.withinbbox", args.count == 3,
      let k = key(args[0]), usable(args[1]), usable(args[2])
    {
      return (k, .boundingBox(lowerLeft: args[1], upperRight: args[2]))
    }
    guard case .binary(let op, let l, let r, _) = c else { return nil }
    let call: Expression, radius: Expression
    switch op {
    case .less, .lessOrEqual: (call, radius) = (l, r)
    case .greater, .greaterOrEqual: (call, radius) = (r, l)
    default: return nil
    }
    guard case .function(let name, false, let args, _) = call, name.lowercased() == "point.distance", args.count == 2,
      usable(radius)
    else { return nil }
    if let k = key(args[0]), usable(args[1]) { return (k, .distance(center: args[1], radius: radius)) }
    if let k = key(args[1]), usable(args[0]) { return (k, .distance(center: args[0], radius: radius)) }
    return nil
  }

  /// Rows expected from an equality seek: one for a unique index, else entries per key.
  private func estimate(_ index: String, equality: Bool) -> Double {
    let s = statistics.indexStatistics(index)
    if s.unique { return 0.5 }
    return Double(s.entries) / Double(max(1, s.distinct)) + 0.5
  }

  /// Ordered selections of `size` keys (composite indexes are few and small).
  private func permutations(of keys: [String], size: Int) -> [[String]] {
    if size == 0 { return [[]] }
    var out: [[String]] = []
    for (i, k) in keys.enumerated() {
      var rest = keys
      rest.remove(at: i)
      for tail in permutations(of: rest, size: size - 1) { out.append([k] + tail) }
    }
    return out.count > 120 ? Array(out.prefix(120)) : out
  }

  /// Binds the expressions of seek bounds.
  mutating func bindBounds(_ bounds: SeekBounds, _ scope: Scope) throws -> IndexBounds {
    switch bounds {
    case .equal(let values): return .equal(try values.map { try bind($0, scope) })
    case .anyOf(let list): return .anyOf(try bind(list, scope))
    case .prefix(let p): return .prefix(try bind(p, scope))
    case .range(let lower, let li, let upper, let ui):
      return .range(lower: try lower.map { try bind($0, scope) }, lowerInclusive: li, upper: try upper.map { try bind($0, scope) }, upperInclusive: ui)
    case .boundingBox(let ll, let ur): return .boundingBox(lowerLeft: try bind(ll, scope), upperRight: try bind(ur, scope))
    case .distance(let center, let radius): return .distance(center: try bind(center, scope), radius: try bind(radius, scope))
    }
  }
}

extension Expression {
  /// True when a pattern predicate, pattern comprehension or EXISTS, COUNT or COLLECT subquery
  /// appears inside.
  var containsPatterns: Bool {
    var found = false
    _ = rewritten { e in
      switch e {
      case .patternPredicate, .patternComprehension, .exists, .countSubquery, .collectSubquery: found = true
      default: break
      }
      return nil
    }
    return found
  }
}
