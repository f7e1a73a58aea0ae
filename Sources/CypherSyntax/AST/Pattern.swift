// Graph patterns as written in MATCH, CREATE, MERGE and pattern expressions.
import GraphCore

/// `(n:Label {key: value})`.
package struct NodePattern: Sendable, Hashable {
  package var variable: String?
  package var labels: [String]
  package var properties: Expression?
  package var loc: Loc

  package init(variable: String?, labels: [String], properties: Expression?, loc: Loc) {
    self.variable = variable
    self.labels = labels
    self.properties = properties
    self.loc = loc
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

/// `-[r:TYPE|OTHER *1..3 {key: value}]->`.
package struct RelationshipPattern: Sendable, Hashable {
  package var variable: String?
  package var types: [String]
  package var direction: PatternDirection
  package var properties: Expression?
  /// Non-nil for variable-length relationships.
  package var length: LengthRange?
  package var loc: Loc

  package init(
    variable: String?, types: [String], direction: PatternDirection, properties: Expression?,
    length: LengthRange?, loc: Loc
  ) {
    self.variable = variable
    self.types = types
    self.direction = direction
    self.properties = properties
    self.length = length
    self.loc = loc
  }
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
  package var loc: Loc

  package init(pathVariable: String?, start: NodePattern, steps: [PatternStep], shortest: ShortestKind, loc: Loc) {
    self.pathVariable = pathVariable
    self.start = start
    self.steps = steps
    self.shortest = shortest
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
