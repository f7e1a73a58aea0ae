// Pattern productions: node and relationship patterns (with label expressions and inline WHERE),
// variable-length ranges, named paths and shortestPath/allShortestPaths. Quantifiers, quantified
// path patterns, path selectors and match modes are in Parser+QuantifiedPatterns.swift.
import GraphCore

extension Parser {
  /// patternList := patternPart (',' patternPart)*
  mutating func patternList() throws -> [PatternPart] {
    try commaSeparated { try $0.patternPart() }
  }

  /// patternPart := [variable '='] [pathSelector] (shortestPath '(' chain ')' | chain)
  mutating func patternPart() throws -> PatternPart {
    let loc = Loc(current.position)
    var pathVariable: String?
    if current.kind == .identifier || current.kind == .quotedIdentifier, peek().isSymbol("=") {
      pathVariable = current.text
      advance()
      advance()
    }
    let selector = try pathSelector()
    var shortest = ShortestKind.none
    if selector == nil, peek().isSymbol("(") {
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
    if let selector {
      part.selector = selector
      // The shortest-path search runs a selector that keeps one path, or all shortest ones, over
      // one relationship; any other selected pattern is matched and then selected from.
      let single = part.steps.count == 1 && part.steps.allSatisfy { $0.relationship.group == nil }
      switch selector {
      case .allShortest where single, .shortestGroups(1) where single: part.shortest = .all
      case .shortest(1) where single, .any(1) where single: part.shortest = .shortest
      default: part.shortest = .none
      }
    }
    return part
  }

  /// chain := (nodePattern | quantifiedPathPattern)
  ///          (relationshipPattern nodePattern | quantifiedPathPattern [nodePattern])*
  ///
  /// A quantified path pattern stands between two nodes; where none is written (at either end,
  /// or between two quantified patterns) the node is anonymous.
  mutating func patternChain() throws -> PatternPart {
    let loc = Loc(current.position)
    var start: NodePattern
    var steps: [PatternStep] = []
    if atQuantifiedPathPattern {
      start = NodePattern(variable: nil, labels: [], properties: nil, loc: loc)
      steps.append(try quantifiedPathPattern())
    } else {
      start = try nodePattern()
    }
    while true {
      let mark = index
      if atSymbol("-") || (atSymbol("<") && peek().isSymbol("-")) {
        let rel = try relationshipPattern()
        steps.append(PatternStep(relationship: rel, node: try nodePattern()))
      } else if atQuantifiedPathPattern {
        steps.append(try quantifiedPathPattern())
      } else {
        break
      }
      checkProgress(since: mark)
    }
    return PatternPart(pathVariable: nil, start: start, steps: steps, shortest: .none, loc: loc)
  }

  /// nodePattern := '(' [variable] [labelExpression] [properties] [WHERE expression] ')'
  mutating func nodePattern() throws -> NodePattern {
    let loc = Loc(current.position)
    try expectSymbol("(")
    var variable: String?
    if current.kind == .identifier && !at(.where) && !at(.is) || current.kind == .quotedIdentifier {
      variable = current.text
      advance()
    }
    var labels: [String] = []
    var labelExpression: LabelExpression?
    if atSymbol(":") || (at(.is) && startsLabelAtom(peek())) {
      let e = try patternLabelExpression(relationship: false)
      if let names = e.conjunctNames { labels = names } else { labelExpression = e }
    }
    let properties = try patternProperties()
    let predicate = try eat(.where) ? expression() : nil
    try expectSymbol(")")
    return NodePattern(
      variable: variable, labels: labels, labelExpression: labelExpression, properties: properties, predicate: predicate, loc: loc)
  }

  /// labels := (':' name)+   (SET and REMOVE name labels this way)
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

  /// relationshipPattern := ['<'] '-' ['[' detail ']'] '-' ['>'] [quantifier]
  /// detail := [variable] [labelExpression] ['*' range] [properties] [WHERE expression]
  mutating func relationshipPattern() throws -> RelationshipPattern {
    let loc = Loc(current.position)
    let leftArrow = eatSymbol("<")
    try expectSymbol("-")
    var variable: String?
    var types: [String] = []
    var typeExpression: LabelExpression?
    var properties: Expression?
    var predicate: Expression?
    var length: LengthRange?
    if eatSymbol("[") {
      if current.kind == .identifier && !at(.where) && !at(.is) || current.kind == .quotedIdentifier {
        variable = current.text
        advance()
      }
      if atSymbol(":") || (at(.is) && startsLabelAtom(peek())) {
        let e = try patternLabelExpression(relationship: true)
        if let names = e.disjunctNames { types = names } else { typeExpression = e }
      }
      if eatSymbol("*") {
        length = try lengthRange()
      }
      if atSymbol("..") || current.kind == .integer || (length != nil && atSymbol("-")) {
        throw QuiverError.syntax(.invalidRelationshipPattern, "invalid variable-length relationship: write *, *n, *min..max with non-negative bounds", at: current.position)
      }
      properties = try patternProperties()
      if at(.where) {
        if length != nil {
          throw QuiverError.syntax(
            .invalidPatternPredicate,
            "a relationship pattern with a length (*) cannot have a WHERE; write a quantifier such as -[r WHERE …]->{1,3}",
            at: current.position)
        }
        advance()
        predicate = try expression()
      }
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
    var quantified = false
    if atQuantifier {
      if length != nil {
        throw QuiverError.syntax(
          .invalidRelationshipPattern, "a relationship cannot have both a length (*) and a quantifier", at: current.position)
      }
      length = try quantifier()
      quantified = true
    }
    return RelationshipPattern(
      variable: variable, types: types, typeExpression: typeExpression, direction: direction, properties: properties,
      predicate: predicate, length: length, quantified: quantified, loc: loc)
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
