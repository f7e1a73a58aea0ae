// Expression forms of Neo4j 5 beyond openCypher: `x IS [NOT] [NFC|NFD|NFKC|NFKD] NORMALIZED`
// (rewritten to `isNormalized(x, form)`), the `||` token, and the extended simple CASE
// (`CASE x WHEN > 5, IS NULL THEN …`), rewritten to the generic CASE.
import GraphCore

extension Parser {
  /// True at `||` (two adjacent bars; the lexer has no two-bar token).
  var atDoubleBar: Bool {
    atSymbol("|") && peek().isSymbol("|") && peek().position.offset == current.endOffset
  }

  /// normalizedPredicate := IS [NOT] [NFC | NFD | NFKC | NFKD] NORMALIZED, applied to `e` as
  /// `isNormalized(e, form)` (null for null, an error for a non-string, as Neo4j has it); nil,
  /// consuming nothing, when the tokens are not this predicate.
  mutating func normalizedSuffix(_ e: Expression) throws -> Expression? {
    guard at(.is) else { return nil }
    var ahead = peek().isKeyword(.not) ? 2 : 1
    var form = "NFC"
    let word = peek(ahead)
    if word.kind == .identifier, ["NFC", "NFD", "NFKC", "NFKD"].contains(word.text.uppercased()) {
      form = word.text.uppercased()
      ahead += 1
    }
    guard peekWord("NORMALIZED", ahead) else { return nil }
    let negated = peek().isKeyword(.not)
    let loc = Loc(current.position)
    for _ in 0...ahead { advance() }
    let test = Expression.function(name: "isNormalized", distinct: false, arguments: [e, .literal(.string(form))], loc)
    return negated ? .unary(.not, test) : test
  }

  /// labeledPredicate := IS [NOT] LABELED labelExpression (Cypher 25), `e:labelExpression` or
  /// its negation; nil, consuming nothing, unless a label expression follows LABELED (so that
  /// `n IS LABELED` alone still tests the label called LABELED).
  mutating func labeledSuffix(_ e: Expression) throws -> Expression? {
    guard at(.is) else { return nil }
    let ahead = peek().isKeyword(.not) ? 2 : 1
    // A keyword after LABELED (`n IS LABELED RETURN …`) ends the expression: LABELED is then the
    // label's name; a label spelled like a keyword takes backticks here.
    let next = peek(ahead + 1)
    guard peekWord("LABELED", ahead), startsLabelAtom(next), next.keyword == nil else { return nil }
    let negated = peek().isKeyword(.not)
    for _ in 0...ahead { advance() }
    let test = try labelPredicate(on: e, isForm: true)
    return negated ? .unary(.not, test) : test
  }

  /// The branches of a simple CASE on `subject`. Each WHEN holds one or more comma-separated
  /// operands: a value (compared with `=`), or a comparison operator and a value (`> 5`), or a
  /// predicate suffix (`IS NULL`, `IS :: INTEGER`, `STARTS WITH 'a'`, `IN [1, 2]`). Plain
  /// single values keep the simple CASE; any other form becomes a generic CASE whose conditions
  /// test the subject.
  /// caseWhen := WHEN whenOperand (',' whenOperand)* THEN expression
  mutating func simpleCaseBranches(_ subject: Expression) throws -> (subject: Expression?, [CaseBranch]) {
    var plain: [CaseBranch] = []
    var extended: [CaseBranch] = []
    var isExtended = false
    while eat(.when) {
      let operands = try commaSeparated { try $0.whenOperand(subject) }
      try expect(.then)
      let result = try expression()
      if operands.count > 1 || operands.contains(where: { !$0.plain }) { isExtended = true }
      if let only = operands.first, operands.count == 1, only.plain, let value = only.value {
        plain.append(CaseBranch(condition: value, result: result))
      }
      let condition = operands.dropFirst().reduce(operands[0].condition) { .binary(.or, $0, $1.condition, Loc(current.position)) }
      extended.append(CaseBranch(condition: condition, result: result))
    }
    return isExtended ? (nil, extended) : (subject, plain)
  }

  /// One operand of a WHEN of a simple CASE, as the condition it puts on `subject`.
  private mutating func whenOperand(_ subject: Expression) throws -> (condition: Expression, plain: Bool, value: Expression?) {
    let loc = Loc(current.position)
    let comparisons: [String: BinaryOperator] = [
      "=": .equal, "<>": .notEqual, "!=": .notEqual, "<": .less, ">": .greater, "<=": .lessOrEqual, ">=": .greaterOrEqual,
    ]
    if current.kind == .symbol, let op = comparisons[current.text] {
      advance()
      return (.binary(op, subject, try additiveExpression(), loc), false, nil)
    }
    if let predicate = try predicateSuffix(subject) { return (predicate, false, nil) }
    let value = try expression()
    return (.binary(.equal, subject, value, loc), true, value)
  }
}
