// CREATE: makes the pattern's nodes, relationships and paths once per input row.
import CypherPlanner
import GraphCore

/// Creates the steps' entities for each row and binds them in it.
final class CreateCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let steps: [CreateStep]

  init(_ input: Cursor, _ ctx: ExecutionContext, _ steps: [CreateStep]) {
    self.input = input
    self.ctx = ctx
    self.steps = steps
  }

  func next() throws -> Row? {
    guard var row = try input.next() else { return nil }
    try ctx.create(steps, into: &row)
    return row
  }
}

extension ExecutionContext {
  /// Runs CREATE steps against `row`, binding what they make.
  func create(_ steps: [CreateStep], into row: inout Row) throws {
    for step in steps {
      switch step {
      case .node(let slot, let labels, let properties):
        let props = try propertyMap(properties, row)
        row[slot] = .node(Node(id: try createNode(labels: labels, properties: props)))
      case .relationship(let slot, let type, let from, let to, let properties):
        guard case .node(let a) = row[from], case .node(let b) = row[to] else {
          let bad = row[from].isNull || row[to].isNull ? "null" : "a non-node value"
          throw QuiverError.runtime(.semantic, .invalidArgumentType, "cannot create a relationship to \(bad)")
        }
        let props = try propertyMap(properties, row)
        row[slot] = .relationship(Relationship(id: try createRelationship(type: type, from: a.id, to: b.id, properties: props)))
      case .path(let slot, let elements):
        row[slot] = try buildPath(elements, row)
      }
    }
  }

  /// Evaluates a pattern's property map (literal or parameter).
  func propertyMap(_ e: PlanExpression?, _ row: Row) throws -> [String: Value] {
    guard let e else { return [:] }
    switch try eval(e, row) {
    case .map(let m): return m
    case .null: return [:]
    case let v: throw QuiverError.typeError("properties must be a map, got \(v.typeName)")
    }
  }
}
