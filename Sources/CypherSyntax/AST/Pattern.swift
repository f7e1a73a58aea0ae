// Graph patterns as written in MATCH, CREATE, MERGE and pattern expressions.
import GraphCore

/// `(n:Label {key: value} WHERE predicate)`.
package struct NodePattern: Sendable, Hashable {
  package var variable: String?
  /// Labels the node must all carry (`:A:B`, `:A&B`): what scans, seeks and CREATE use.
  package var labels: [String]
  /// A label expression that is not a plain conjunction (`:A|B`, `:!A`, `:%`); `labels` is
  /// then empty.
  package var labelExpression: LabelExpression?
  package var properties: Expression?
  /// `WHERE` written inside the node pattern, joined with the test of any dynamic labels.
  package var predicate: Expression?
  /// Labels computed per row (`:$(expr)`, `:$any(expr)`); matching tests them through
  /// `predicate`, CREATE adds them after creating the node.
  package var dynamicLabels: [DynamicLabel] = []
  /// True when the pattern's own text has a WHERE (not only a dynamic-label test).
  package var writtenPredicate = false
  package var loc: Loc

  package init(
    variable: String?, labels: [String], labelExpression: LabelExpression? = nil, properties: Expression?,
    predicate: Expression? = nil, loc: Loc
  ) {
    self.variable = variable
    self.labels = labels
    self.labelExpression = labelExpression
    self.properties = properties
    self.predicate = predicate
    self.loc = loc
  }
}

/// A label or relationship type computed per row: `$(expr)` (all of the names it gives) or
/// `$any(expr)` (any of them); the expression gives a string or a list of strings.
package struct DynamicLabel: Sendable, Hashable {
  package let expression: Expression
  package let matchesAny: Bool
  package init(expression: Expression, matchesAny: Bool) {
    self.expression = expression
    self.matchesAny = matchesAny
  }
}

/// The direction a relationship pattern is written in.
package enum PatternDirection: Sendable, Hashable {
  /// `-[]->`
  case outgoing
  /// `<-[]-`
  case incoming
  /// `-[]-`
  case both
}

/// `*`, `*2`, `*1..3`, `*..5`, `*2..`: bounds of a variable-length relationship.
package struct LengthRange: Sendable, Hashable {
  package var min: Int?
  package var max: Int?
  package init(min: Int?, max: Int?) {
    self.min = min
    self.max = max
  }
}

/// `-[r:TYPE|OTHER *1..3 {key: value}]->`, `-[r:R WHERE r.w > 1]->{1,3}`, or a quantified path
/// pattern `((x)-[r:R]->(y) WHERE …){1,3}` (see `group`): for one relationship it is that
/// relationship, quantified; for more it carries only the quantifier and the `group`.
package struct RelationshipPattern: Sendable, Hashable {
  package var variable: String?
  /// Types the relationship may have (any when empty and `typeExpression` is nil).
  package var types: [String]
  /// A type expression that is not a plain disjunction (`:R&S`, `:!R`, `:%`); `types` is then empty.
  package var typeExpression: LabelExpression?
  package var direction: PatternDirection
  package var properties: Expression?
  /// `WHERE` written inside the relationship pattern, checked on every relationship walked.
  package var predicate: Expression?
  /// Non-nil for variable-length and quantified relationships.
  package var length: LengthRange?
  /// The length was written as a GQL quantifier (`{m,n}`, `+`, `*` after the pattern).
  package var quantified: Bool
  /// Set when the relationship is the body of a quantified path pattern.
  package var group: PatternGroup?
  /// A type computed per row (`:$(expr)`, `:$any(expr)`): matching tests it through
  /// `predicate`, CREATE and MERGE create the relationship with it.
  package var dynamicTypes: [DynamicLabel] = []
  /// True when the pattern's own text has a WHERE (not only a dynamic-type test).
  package var writtenPredicate = false
  package var loc: Loc

  package init(
    variable: String?, types: [String], typeExpression: LabelExpression? = nil, direction: PatternDirection,
    properties: Expression?, predicate: Expression? = nil, length: LengthRange?, quantified: Bool = false,
    group: PatternGroup? = nil, loc: Loc
  ) {
    self.variable = variable
    self.types = types
    self.typeExpression = typeExpression
    self.direction = direction
    self.properties = properties
    self.predicate = predicate
    self.length = length
    self.quantified = quantified
    self.group = group
    self.loc = loc
  }
}

/// The body of a quantified path pattern `((x:A)-[r]->(y:B)-[s]->(z) WHERE p){m,n}`: its node
/// and relationship patterns (at least one relationship) and its WHERE. Each iteration binds
/// the inner variables afresh; the last node of one iteration is the first of the next. After
/// the pattern each inner variable is a group variable, the list of its bindings in path order.
package struct PatternGroup: Sendable, Hashable {
  package var start: NodePattern
  package var steps: [PatternStep]
  package var predicate: Expression?
  package init(start: NodePattern, steps: [PatternStep], predicate: Expression?) {
    self.start = start
    self.steps = steps
    self.predicate = predicate
  }

  /// The inner node patterns in written order, one more than the relationships.
  package var nodes: [NodePattern] { [start] + steps.map(\.node) }
  /// The inner relationship patterns in written order.
  package var relationships: [RelationshipPattern] { steps.map(\.relationship) }
}

/// A path selector written before a path pattern (`SHORTEST 2`, `ALL SHORTEST`, `ANY`).
package enum PathSelector: Sendable, Hashable {
  /// `SHORTEST k`; `ANY SHORTEST` is `shortest(1)`.
  case shortest(Int)
  case allShortest
  /// `SHORTEST k GROUPS`.
  case shortestGroups(Int)
  /// `ANY` / `ANY k`.
  case any(Int)
}

/// `shortestPath(...)` and `allShortestPaths(...)` wrappers.
package enum ShortestKind: Sendable, Hashable {
  case none, shortest, all
}

/// One comma-separated part of a pattern: `p = (a)-[r]->(b)<-(c)`.
package struct PatternPart: Sendable, Hashable {
  package var pathVariable: String?
  package var start: NodePattern
  package var steps: [PatternStep]
  package var shortest: ShortestKind
  /// The GQL path selector the pattern was written with, if any. When `shortest` is set it runs
  /// as shortestPath / allShortestPaths; otherwise the pattern's matches are selected from.
  package var selector: PathSelector?
  /// The selector's count when a parameter gives it (`SHORTEST $k`, `ANY $k`,
  /// `SHORTEST $k GROUPS`): read when the query runs; `selector` then holds 1.
  package var selectorCount: Expression?
  /// `MATCH REPEATABLE ELEMENTS`: walks may use a relationship more than once.
  package var repeatableElements: Bool
  /// The whole pattern was written in parentheses (`((a)-->(b) WHERE …)`).
  package var parenthesized = false
  /// The WHERE inside those parentheses: a check on the whole path, with its inline ones.
  package var predicate: Expression?
  /// Subpath variables naming the whole path besides `pathVariable` (`p = (q = (a)-->(b))`).
  package var subpathVariables: [String] = []
  package var loc: Loc

  package init(
    pathVariable: String?, start: NodePattern, steps: [PatternStep], shortest: ShortestKind,
    selector: PathSelector? = nil, selectorCount: Expression? = nil, repeatableElements: Bool = false, loc: Loc
  ) {
    self.selectorCount = selectorCount
    self.pathVariable = pathVariable
    self.start = start
    self.steps = steps
    self.shortest = shortest
    self.selector = selector
    self.repeatableElements = repeatableElements
    self.loc = loc
  }
}

/// A relationship and the node after it.
package struct PatternStep: Sendable, Hashable {
  package var relationship: RelationshipPattern
  package var node: NodePattern
  package init(relationship: RelationshipPattern, node: NodePattern) {
    self.relationship = relationship
    self.node = node
  }
}
