// `CREATE FULLTEXT INDEX`: the pattern with its label (or type) alternatives, the bracketed
// property list after ON EACH, and the options Neo4j takes (accepted; Quiver has one analyzer).
import GraphCore

extension Parser {
  /// createFulltextIndex := CREATE FULLTEXT INDEX [name] [IF NOT EXISTS] FOR
  ///   ('(' name ':' label ('|' label)* ')' | '()-[' name ':' type ('|' type)* ']-()')
  ///   ON EACH '[' propertyExpression (',' propertyExpression)* ']' [OPTIONS mapLiteral]
  /// Called after FOR.
  mutating func fulltextIndex(name: String?, ifNotExists: Bool) throws -> SchemaCommand {
    let part = try patternChain()
    let variable: String?
    let labels: [String]
    let target: IndexTarget
    if part.steps.isEmpty {
      variable = part.start.variable
      labels = part.start.labelExpression.flatMap(Parser.alternatives) ?? part.start.labels
      target = .node
      guard part.start.labels.count <= 1 else {
        throw QuiverError.syntax(.unexpectedSyntax, "expected labels such as (n:A|B)", at: part.loc.position)
      }
    } else {
      let rel = part.steps[0].relationship
      guard part.steps.count == 1, rel.typeExpression == nil else {
        throw QuiverError.syntax(.unexpectedSyntax, "expected a pattern such as ()-[r:T|U]-()", at: part.loc.position)
      }
      variable = rel.variable
      labels = rel.types
      target = .relationship
    }
    guard let variable, !labels.isEmpty else {
      throw QuiverError.syntax(.unexpectedSyntax, "a full-text index needs a variable and at least one label or type", at: part.loc.position)
    }
    try expect(.on)
    guard eatWord("EACH") else { throw unexpected(expected: "EACH") }
    let properties = try propertyList(of: variable, brackets: true)
    try acceptedIndexOptions("full-text")
    return .createFulltextIndex(name: name, ifNotExists: ifNotExists, target: target, labels: labels, properties: properties)
  }

  /// The names of `A|B|C`, or nil for any other label expression.
  private static func alternatives(_ e: LabelExpression) -> [String]? {
    switch e {
    case .name(let n): return [n]
    case .or(let a, let b):
      guard let x = alternatives(a), let y = alternatives(b) else { return nil }
      return x + y
    default: return nil
    }
  }
}
