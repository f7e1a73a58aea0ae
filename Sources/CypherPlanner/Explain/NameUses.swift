// What a statement reads by name (labels and relationship types in MATCH patterns and label
// predicates, property keys it reads) and where its MATCH clauses join disconnected patterns:
// collected from the AST once per plan, so that each run can warn about names the graph does
// not hold (Neo4j's UnknownLabelWarning and friends) and about cartesian products.
import CypherSyntax
import GraphCore

/// Names a statement reads, each with the first place it appears, and its cartesian products.
package struct NameUses: Sendable {
  package var labels: [(name: String, position: SourcePosition)] = []
  package var relationshipTypes: [(name: String, position: SourcePosition)] = []
  package var propertyKeys: [(name: String, position: SourcePosition?)] = []
  /// MATCH clauses whose pattern parts fall into several disconnected groups: the clause's
  /// position and the variables of each group after the first (for the message).
  package var cartesianProducts: [(position: SourcePosition, disconnected: [String])] = []

  package init() {}

  /// The uses in `statement`'s reading clauses (MATCH, WITH, RETURN, UNWIND; subqueries too).
  package init(_ statement: Statement) {
    collect(statement.query)
  }

  private mutating func collect(_ body: QueryBody) {
    for part in body.parts { collect(part.clauses) }
  }

  private mutating func collect(_ clauses: [Clause]) {
    for clause in clauses {
      switch clause {
      case .match(_, let patterns, let predicate, let search, let loc):
        for part in patterns { collect(part) }
        predicate.map { collect($0) }
        if let search {
          for e in [search.query, search.limit] + [search.filter].compactMap({ $0 }) { collect(e) }
        }
        checkConnected(patterns, at: loc.position)
      case .with(let projection, let predicate):
        collect(projection)
        predicate.map { collect($0) }
      case .return(let projection): collect(projection)
      case .unwind(let expression, _, _): collect(expression)
      case .subquery(let body, _, _): collect(body)
      case .foreach(_, _, let body, _): collect(body)
      default: break
      }
    }
  }

  private mutating func collect(_ projection: Projection) {
    for item in projection.items { collect(item.expression) }
    for item in projection.orderBy { collect(item.expression) }
  }

  private mutating func collect(_ part: PatternPart) {
    collect(part.start)
    for step in part.steps {
      for type in step.relationship.types { note(type, at: step.relationship.loc.position, in: &relationshipTypes) }
      if case .map(let entries)? = step.relationship.properties {
        for entry in entries { noteKey(entry.key, at: step.relationship.loc.position) }
      }
      // A quantified path pattern of several relationships names them inside.
      if let g = step.relationship.group, g.steps.count > 1 {
        collect(PatternPart(pathVariable: nil, start: g.start, steps: g.steps, shortest: .none, loc: step.relationship.loc))
      } else if let g = step.relationship.group {
        for node in g.nodes { collect(node) }
      }
      collect(step.node)
    }
  }

  private mutating func collect(_ node: NodePattern) {
    for label in node.labels { note(label, at: node.loc.position, in: &labels) }
    if case .map(let entries)? = node.properties {
      for entry in entries {
        noteKey(entry.key, at: node.loc.position)
        collect(entry.value)
      }
    }
  }

  private mutating func collect(_ expression: Expression) {
    var found: [(String, SourcePosition?)] = []
    var labelsFound: [(String, SourcePosition?)] = []
    expression.forEachSubexpression { e in
      switch e {
      case .property(let target, let key): found.append((key, target.position))
      case .hasLabels(let target, let names): labelsFound += names.map { ($0, target.position) }
      default: break
      }
      return true
    }
    for (key, position) in found { noteKey(key, at: position) }
    for (label, position) in labelsFound {
      if let position { note(label, at: position, in: &labels) }
    }
  }

  private func note(_ name: String, at position: SourcePosition, in list: inout [(name: String, position: SourcePosition)]) {
    if !list.contains(where: { $0.name == name }) { list.append((name, position)) }
  }

  private mutating func noteKey(_ key: String, at position: SourcePosition?) {
    if !propertyKeys.contains(where: { $0.name == key }) { propertyKeys.append((key, position)) }
  }

  /// Groups the parts of one MATCH by shared variables; more than one group is a cartesian
  /// product (an anonymous part is a group of its own).
  private mutating func checkConnected(_ patterns: [PatternPart], at position: SourcePosition) {
    guard patterns.count > 1 else { return }
    var groups: [Set<String>] = []
    for part in patterns {
      var names = Set([part.pathVariable, part.start.variable].compactMap { $0 })
      for step in part.steps { names.formUnion([step.relationship.variable, step.node.variable].compactMap { $0 }) }
      let joined = groups.indices.filter { !groups[$0].isDisjoint(with: names) }
      for index in joined.reversed() { names.formUnion(groups.remove(at: index)) }
      groups.append(names)
    }
    guard groups.count > 1 else { return }
    cartesianProducts.append((position, groups.dropFirst().map { $0.sorted().joined(separator: ", ") }))
  }
}
