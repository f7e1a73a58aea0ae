// `CREATE LOOKUP INDEX`: a token lookup index on the labels of every node or the types of every
// relationship; the pattern names no label or type, and the function after ON must fit it.
import GraphCore

extension Parser {
  /// createLookupIndex := CREATE LOOKUP INDEX [name] [IF NOT EXISTS] FOR
  ///   ( '(' name ')' ON EACH labels '(' name ')' | '()-[' name ']-()' ON [EACH] type '(' name ')' )
  ///   [OPTIONS mapLiteral]
  /// Called after FOR.
  mutating func lookupIndex(name: String?, ifNotExists: Bool) throws -> SchemaCommand {
    let part = try patternChain()
    let variable: String?
    let target: IndexTarget
    if part.steps.isEmpty {
      let node = part.start
      guard node.labels.isEmpty, node.labelExpression == nil, node.properties == nil, node.predicate == nil else {
        throw QuiverError.syntax(.unexpectedSyntax, "a lookup index is on every node: expected (n), without labels", at: part.loc.position)
      }
      variable = node.variable
      target = .node
    } else {
      let rel = part.steps[0].relationship
      guard part.steps.count == 1, rel.types.isEmpty, rel.typeExpression == nil, rel.properties == nil,
        rel.predicate == nil, rel.length == nil, !rel.quantified
      else {
        throw QuiverError.syntax(
          .unexpectedSyntax, "a lookup index is on every relationship: expected ()-[r]-(), without types", at: part.loc.position)
      }
      variable = rel.variable
      target = .relationship
    }
    guard let variable else {
      throw QuiverError.syntax(.unexpectedSyntax, "a lookup index pattern needs a variable", at: part.loc.position)
    }
    try expect(.on)
    let each = eatWord("EACH")
    let function = current
    guard eatWord(target == .node ? "LABELS" : "TYPE"), target == .relationship || each else {
      let wanted = target == .node ? "EACH labels(\(variable))" : "[EACH] type(\(variable))"
      throw QuiverError.syntax(.unexpectedSyntax, "expected \(wanted) after ON", at: function.position)
    }
    try expectSymbol("(")
    try patternVariable(variable)
    try expectSymbol(")")
    try acceptedIndexOptions("lookup")
    return .createLookupIndex(name: name, ifNotExists: ifNotExists, target: target)
  }
}
