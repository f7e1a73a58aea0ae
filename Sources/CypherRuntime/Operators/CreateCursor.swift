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
      case .relationship(let slot, let written, let dynamicType, let from, let to, let properties):
        let type = try dynamicType.map { InternedName(try relationshipTypeName(eval($0, row)), id: nil) } ?? written
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

  /// The type a computed relationship type gives: one non-empty string, alone or in a list.
  /// - Throws: `InvalidArgumentType` for null or a value of another type,
  ///   `NoSingleRelationshipType` for a list of none or several, `InvalidArgumentValue` for ''.
  private func relationshipTypeName(_ value: Value) throws -> String {
    var name: Value = value
    if case .list(let items) = value {
      guard items.count == 1, let only = items.first else {
        throw QuiverError.runtime(
          .semantic, .noSingleRelationshipType,
          "a relationship must have exactly one type to be created, not a list of \(items.count)")
      }
      name = only
    }
    guard case .string(let type) = name else {
      throw QuiverError.typeError(
        "a dynamic relationship type must be a STRING or a LIST<STRING> of one, not \(name.isNull ? "null" : "a " + name.typeName)")
    }
    if type.isEmpty {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "a relationship type cannot be the empty string")
    }
    return type
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
