// Pattern productions: node and relationship patterns (with label expressions and inline WHERE),
// variable-length ranges, named paths and shortestPath/allShortestPaths. Quantifiers, quantified
// path patterns, path selectors and match modes are in Parser+QuantifiedPatterns.swift.
import GraphCore

extension Parser {
  /// patternList := patternPart (',' patternPart)*
  mutating func patternList() throws -> [PatternPart] {
    try commaSeparated { try $0.patternPart() }
  }

  /// patternPart := [variable '='] [pathSelector] (shortestPath '(' chain ')' | parenthesizedPath | chain)
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
    var part = try shortest == .none && atParenthesizedPath ? parenthesizedPath() : patternChain()
    // A subpath variable of the whole pattern names the path, like `p =`.
    if pathVariable == nil, !part.subpathVariables.isEmpty { pathVariable = part.subpathVariables.removeFirst() }
    part.pathVariable = pathVariable
    part.shortest = shortest
    part.loc = loc
    if shortest != .none { try expectSymbol(")") }
    if case let (selector, count)? = selector {
      part.selector = selector
      part.selectorCount = count
      // The shortest-path search runs a selector that keeps one path, or all shortest ones, over
      // one relationship; any other selected pattern (or a count a parameter gives) is matched
      // and then selected from.
      let single = count == nil && part.predicate == nil && part.steps.count == 1
        && part.steps.allSatisfy { $0.relationship.group == nil }
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
    var dynamicLabels: [DynamicLabel] = []
    if atSymbol(":"), dynamicLabelAhead() {
      while eatSymbol(":") {
        if let d = try dynamicLabel() { dynamicLabels.append(d) } else { labels.append(try symbolicName("a label name")) }
      }
    } else if atSymbol(":") || (at(.is) && startsLabelAtom(peek())) {
      let e = try patternLabelExpression(relationship: false)
      if let names = e.conjunctNames { labels = names } else { labelExpression = e }
    }
    let properties = try patternProperties()
    let written = try eat(.where) ? expression() : nil
    try expectSymbol(")")
    var node = NodePattern(
      variable: variable, labels: labels, labelExpression: labelExpression, properties: properties,
      predicate: try dynamicTest(variable, dynamicLabels, written, relationship: false, loc), loc: loc)
    node.dynamicLabels = dynamicLabels
    node.writtenPredicate = written != nil
    return node
  }

  /// True when the colon chain starting here holds a `$(…)`, `$any(…)` or `$all(…)`.
  func dynamicLabelAhead() -> Bool {
    var i = index
    while i + 1 < tokens.count, tokens[i].isSymbol(":") {
      let t = tokens[i + 1]
      if t.isSymbol("$") { return true }
      if t.kind == .parameter, ["any", "all"].contains(t.text.lowercased()), i + 2 < tokens.count, tokens[i + 2].isSymbol("(") {
        return true
      }
      i += 2
    }
    return false
  }

  /// dynamicLabel := '$(' expr ')' | '$any(' expr ')' | '$all(' expr ')'; nil (nothing read)
  /// when the next token starts a plain name.
  mutating func dynamicLabel() throws -> DynamicLabel? {
    var matchesAny = false
    if eatSymbol("$") {
      matchesAny = false
    } else if current.kind == .parameter, ["any", "all"].contains(current.text.lowercased()), peek().isSymbol("(") {
      matchesAny = current.text.lowercased() == "any"
      advance()
    } else {
      return nil
    }
    try expectSymbol("(")
    let e = try expression()
    try expectSymbol(")")
    return DynamicLabel(expression: e, matchesAny: matchesAny)
  }

  /// The pattern's predicate: its written WHERE joined with a test of each dynamic label or type
  /// (`all(name IN labels WHERE name IN labels(n))`, `any(…)` for `$any`).
  /// - Throws: `UnexpectedSyntax` when the pattern has dynamic labels but no variable.
  private func dynamicTest(
    _ variable: String?, _ dynamic: [DynamicLabel], _ written: Expression?, relationship: Bool, _ loc: Loc
  ) throws -> Expression? {
    if dynamic.isEmpty { return written }
    guard let variable else {
      throw QuiverError.syntax(
        .unexpectedSyntax,
        "a \(relationship ? "relationship" : "node") pattern with a dynamic \(relationship ? "type" : "label") needs a variable, e.g. (n:$($label))",
        at: loc.position)
    }
    let element = "  name"
    let owner = Expression.variable(variable, loc)
    var result = written
    for d in dynamic {
      let e = d.expression
      let anyList = ValueTypeSpec([.list(ValueTypeSpec([.any], notNull: false))], notNull: false)
      let names = Expression.caseExpression(
        subject: nil, branches: [CaseBranch(condition: .typePredicate(e, anyList, negated: false), result: e)],
        otherwise: .list([e]))
      let test: Expression =
        relationship
        ? .binary(.equal, .variable(element, loc), .function(name: "type", distinct: false, arguments: [owner], loc), loc)
        : .binary(.in, .variable(element, loc), .function(name: "labels", distinct: false, arguments: [owner], loc), loc)
      let check = Expression.quantifier(d.matchesAny ? .any : .all, variable: element, list: names, predicate: test, loc)
      result = result.map { .binary(.and, check, $0, loc) } ?? check
    }
    return result
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
    var dynamicTypes: [DynamicLabel] = []
    var written = false
    if eatSymbol("[") {
      if current.kind == .identifier && !at(.where) && !at(.is) || current.kind == .quotedIdentifier {
        variable = current.text
        advance()
      }
      if atSymbol(":"), dynamicLabelAhead() {
        advance()
        if let d = try dynamicLabel() { dynamicTypes = [d] }
        if atSymbol(":") || atSymbol("|") {
          throw QuiverError.syntax(
            .invalidLabelExpression, "a relationship with a dynamic type has only that type; give a list to $any(…)",
            at: current.position)
        }
      } else if atSymbol(":") || (at(.is) && startsLabelAtom(peek())) {
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
        written = true
      }
      if !dynamicTypes.isEmpty, length != nil {
        throw QuiverError.syntax(
          .invalidRelationshipPattern, "a relationship with a dynamic type cannot have a length (*); write a quantifier",
          at: loc.position)
      }
      predicate = try dynamicTest(variable, dynamicTypes, predicate, relationship: true, loc)
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
    var relationship = RelationshipPattern(
      variable: variable, types: types, typeExpression: typeExpression, direction: direction, properties: properties,
      predicate: predicate, length: length, quantified: quantified, loc: loc)
    relationship.dynamicTypes = dynamicTypes
    relationship.writtenPredicate = written
    return relationship
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
