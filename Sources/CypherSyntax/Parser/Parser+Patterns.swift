// Pattern productions: node and relationship patterns, variable-length ranges, named paths and
// shortestPath/allShortestPaths.
import GraphCore

extension Parser {
  /// patternList := patternPart (',' patternPart)*
  mutating func patternList() throws -> [PatternPart] {
    try commaSeparated { try $0.patternPart() }
  }

  /// patternPart := [variable '='] (shortestPath '(' chain ')' | chain)
  mutating func patternPart() throws -> PatternPart {
    let loc = Loc(current.position)
    var pathVariable: String?
    if current.kind == .identifier || current.kind == .quotedIdentifier, peek().isSymbol("=") {
      pathVariable = current.text
      advance()
      advance()
    }
    var shortest = ShortestKind.none
    if peek().isSymbol("(") {
      if at(.shortestPath) || at(.allShortestPaths) {
        shortest = at(.shortestPath) ? .shortest : .all
        advance()
        advance()
      }
    }
    var part = try patternChain()
    part.pathVariable = pathVariable
    part.shortest = shortest
    part.loc = loc
    if shortest != .none { try expectSymbol(")") }
    return part
  }

  /// chain := nodePattern (relationshipPattern nodePattern)*
  mutating func patternChain() throws -> PatternPart {
    let loc = Loc(current.position)
    let start = try nodePattern()
    var steps: [PatternStep] = []
    while atSymbol("-") || (atSymbol("<") && peek().isSymbol("-")) {
      let mark = index
      let rel = try relationshipPattern()
      steps.append(PatternStep(relationship: rel, node: try nodePattern()))
      checkProgress(since: mark)
    }
    return PatternPart(pathVariable: nil, start: start, steps: steps, shortest: .none, loc: loc)
  }

  /// nodePattern := '(' [variable] [labels] [properties] ')'
  mutating func nodePattern() throws -> NodePattern {
    let loc = Loc(current.position)
    try expectSymbol("(")
    var variable: String?
    if current.kind == .identifier || current.kind == .quotedIdentifier {
      variable = current.text
      advance()
    }
    let labels = atSymbol(":") ? try nodeLabels() : []
    let properties = try patternProperties()
    try expectSymbol(")")
    return NodePattern(variable: variable, labels: labels, properties: properties, loc: loc)
  }

  /// labels := (':' name)+
  mutating func nodeLabels() throws -> [String] {
    var labels: [String] = []
    while eatSymbol(":") {
      labels.append(try symbolicName("a label name"))
    }
    return labels
  }

  /// properties := mapLiteral | parameter
  mutating func patternProperties() throws -> Expression? {
    if atSymbol("{") { return try mapLiteral() }
    if current.kind == .parameter {
      let t = current
      advance()
      return .parameter(t.text, Loc(t.position))
    }
    return nil
  }

  /// relationshipPattern := ['<'] '-' ['[' detail ']'] '-' ['>']
  mutating func relationshipPattern() throws -> RelationshipPattern {
    let loc = Loc(current.position)
    let leftArrow = eatSymbol("<")
    try expectSymbol("-")
    var variable: String?
    var types: [String] = []
    var properties: Expression?
    var length: LengthRange?
    if eatSymbol("[") {
      if current.kind == .identifier || current.kind == .quotedIdentifier {
        variable = current.text
        advance()
      }
      if eatSymbol(":") {
        types.append(try symbolicName("a relationship type"))
        while eatSymbol("|") {
          _ = eatSymbol(":")
          types.append(try symbolicName("a relationship type"))
        }
      }
      if eatSymbol("*") {
        length = try lengthRange()
      }
      if atSymbol("..") || current.kind == .integer || (length != nil && atSymbol("-")) {
        throw QuiverError.syntax(.invalidRelationshipPattern, "invalid variable-length relationship: write *, *n, *min..max with non-negative bounds", at: current.position)
      }
      properties = try patternProperties()
      try expectSymbol("]")
    }
    try expectSymbol("-")
    let rightArrow = eatSymbol(">")
    let direction: PatternDirection
    switch (leftArrow, rightArrow) {
    case (true, false): direction = .incoming
    case (false, true): direction = .outgoing
    case (false, false): direction = .both
    case (true, true): direction = .both
    }
    return RelationshipPattern(variable: variable, types: types, direction: direction, properties: properties, length: length, loc: loc)
  }

  /// range := [int] ['..' [int]]
  mutating func lengthRange() throws -> LengthRange {
    var low: Int?
    var high: Int?
    if current.kind == .integer {
      low = try rangeBound()
    }
    if eatSymbol("..") {
      if current.kind == .integer { high = try rangeBound() }
    } else if let l = low {
      high = l
    }
    return LengthRange(min: low, max: high)
  }

  private mutating func rangeBound() throws -> Int {
    guard let v = Int(current.text) else {
      throw QuiverError.syntax(.invalidRange, "invalid length bound '\(current.text)'", at: current.position)
    }
    advance()
    return v
  }
}
