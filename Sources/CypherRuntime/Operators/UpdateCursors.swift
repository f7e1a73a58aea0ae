// SET, REMOVE and DELETE: per-row changes to properties, labels and the graph's entities.
import CypherPlanner
import GraphCore

/// Applies SET items to each row.
final class SetCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let operations: [SetOperation]

  init(_ input: Cursor, _ ctx: ExecutionContext, _ operations: [SetOperation]) {
    self.input = input
    self.ctx = ctx
    self.operations = operations
  }

  func next() throws -> Row? {
    guard let row = try input.next() else { return nil }
    try ctx.apply(operations, row)
    return row
  }
}

/// Applies REMOVE items to each row.
final class RemoveCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let operations: [RemoveOperation]

  init(_ input: Cursor, _ ctx: ExecutionContext, _ operations: [RemoveOperation]) {
    self.input = input
    self.ctx = ctx
    self.operations = operations
  }

  func next() throws -> Row? {
    guard let row = try input.next() else { return nil }
    for op in operations {
      switch op {
      case .property(let target, let key):
        let t = try ctx.eval(target, row)
        if case .map = t { throw QuiverError.typeError("cannot REMOVE a key from a map") }
        try ctx.setProperty(t, key, .null)
      case .labels(let target, let labels):
        let t = try ctx.eval(target, row)
        for l in labels { try ctx.removeLabel(t, l) }
      case .dynamicProperty(let target, let key):
        let t = try ctx.eval(target, row)
        if case .map = t { throw QuiverError.typeError("cannot REMOVE a key from a map") }
        try ctx.setProperty(t, try ctx.dynamicKey(try ctx.eval(key, row)), .null)
      case .dynamicLabels(let target, let labels):
        let t = try ctx.eval(target, row)
        for l in try ctx.dynamicLabels(labels, row) { try ctx.removeLabel(t, l) }
      }
    }
    return row
  }
}

/// Deletes the nodes, relationships and paths each row names.
final class DeleteCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let targets: [PlanExpression]
  private let detach: Bool

  init(_ input: Cursor, _ ctx: ExecutionContext, _ targets: [PlanExpression], detach: Bool) {
    self.input = input
    self.ctx = ctx
    self.targets = targets
    self.detach = detach
  }

  func next() throws -> Row? {
    guard let row = try input.next() else { return nil }
    for t in targets { try delete(try ctx.eval(t, row)) }
    return row
  }

  private func delete(_ v: Value) throws {
    switch v {
    case .null: return
    case .node(let n): ctx.deleteNode(n.id, detach: detach)
    case .relationship(let r): ctx.deleteRelationship(r.id)
    case .path(let p):
      for r in p.relationships { ctx.deleteRelationship(r.id) }
      for n in p.nodes { ctx.deleteNode(n.id, detach: detach) }
    case .list(let items):
      for item in items { try delete(item) }
    default:
      throw QuiverError.runtime(.type, .invalidArgumentType, "DELETE takes nodes, relationships or paths, got \(v.typeName)")
    }
  }
}

extension ExecutionContext {
  /// Applies SET operations (also ON CREATE / ON MATCH) to one row.
  func apply(_ operations: [SetOperation], _ row: Row) throws {
    for op in operations {
      switch op {
      case .property(let target, let key, let value):
        try setProperty(try eval(target, row), key, try eval(value, row))
      case .replaceProperties(let target, let value), .mergeProperties(let target, let value):
        let t = try eval(target, row)
        if t.isNull { continue }
        var replace = false
        if case .replaceProperties = op { replace = true }
        let newValues: [String: Value]
        switch try eval(value, row) {
        case .map(let m): newValues = m
        case .null: newValues = [:]
        case .node, .relationship:
          newValues = (try properties(of: try eval(value, row))) ?? [:]
        case let v: throw QuiverError.typeError("SET needs a map of properties, got \(v.typeName)")
        }
        if replace, let existing = try properties(of: t) {
          for key in existing.keys where newValues[key] == nil { try setProperty(t, key, .null) }
        }
        for (k, v) in newValues.sorted(by: { $0.key < $1.key }) { try setProperty(t, k, v) }
      case .addLabels(let target, let labels):
        let t = try eval(target, row)
        for l in labels { try addLabel(t, l) }
      case .dynamicProperty(let target, let key, let value):
        let t = try eval(target, row)
        try setProperty(t, try dynamicKey(try eval(key, row)), try eval(value, row))
      case .addDynamicLabels(let target, let labels):
        let t = try eval(target, row)
        for l in try dynamicLabels(labels, row) { try addLabel(t, l) }
      }
    }
  }
}
