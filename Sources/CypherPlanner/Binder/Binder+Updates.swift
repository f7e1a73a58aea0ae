// The binder's scope rules of UNWIND, procedure CALL and the updating clauses: what they bind
// must be new (or, in CREATE and MERGE, a node used as it is), what they read must be in scope,
// and a relationship to create needs one type, no variable length and (in CREATE) a direction.
// openCypher ranks a re-bound variable before the shape of the relationship.
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks `UNWIND list AS alias` and adds the alias to the scope.
  mutating func resolveUnwind(_ list: Expression, alias: String, _ loc: Loc) throws {
    if scope[alias] != nil {
      throw semanticError(.variableAlreadyBound, "variable `\(alias)` is already defined", loc.position, name: alias)
    }
    try resolve(list, scope)
    scope[alias] = .init(kind: .value)
  }

  /// Checks a procedure CALL's arguments against their declared types and the scope, adds what
  /// it yields, and returns its result columns (a standalone CALL's only).
  mutating func resolveProcedureCall(_ call: ProcedureCall) throws -> [String] {
    guard let resolved = calls[call.loc.position.offset] else {
      preconditionFailure("unreachable: bindCall records every CALL before its scope is checked")
    }
    let procedure = resolved.procedure
    if let args = call.arguments {
      for (a, field) in zip(args, procedure.parameters) {
        if let t = scope.staticType(a), t != .null, !field.type.accepts(t.sample) {
          throw semanticError(
            .invalidArgumentType, "argument `\(field.name)` of \(procedure.name) must be \(field.type), got \(t.name)",
            a.position)
        }
      }
      for a in args { try resolve(a, scope) }
    }
    var columns: [String] = []
    if let items = call.yields {
      for item in items {
        let name = item.alias ?? item.field
        if scope[name] != nil {
          throw semanticError(.variableAlreadyBound, "variable `\(name)` is already defined", item.loc.position, name: name)
        }
        scope[name] = .init(kind: .value)
        columns.append(name)
      }
    } else if resolved.standalone {
      for field in procedure.outputs {
        scope[field.name] = .init(kind: .value)
        columns.append(field.name)
      }
    }
    if let predicate = call.predicate { try resolvePredicate(predicate, scope) }
    return resolved.standalone ? columns : []
  }

  /// Checks an updating clause against the scope and adds what it binds.
  mutating func resolveUpdate(_ clause: Clause) throws {
    switch clause {
    case .create(let parts, _):
      for part in parts { try resolveCreate(part) }
    case .merge(let part, let actions, _):
      try resolveMerge(part, actions)
    case .set(let items, _):
      for item in items { try resolve(item) }
    case .remove(let items, _):
      for item in items {
        switch item {
        case .property(let target, _, _): try resolve(target, scope)
        case .labels(let variable, _, let loc): try requireDefined(variable, loc, scope)
        case .dynamicProperty(let target, let key, _):
          try resolve(target, scope)
          try resolve(key, scope)
        case .dynamicLabels(let variable, let labels, let loc):
          try requireDefined(variable, loc, scope)
          for label in labels { try resolve(label, scope) }
        }
      }
    case .delete(_, let targets, _):
      for t in targets {
        if case .variable = t { continue }
        try requireType(t, scope, [.node, .relationship, .path, .list], "DELETE")
      }
      for t in targets { try resolve(t, scope) }
    case .foreach(let variable, let list, let body, let loc):
      try resolve(list, scope)
      if scope[variable] != nil {
        throw semanticError(.variableAlreadyBound, "variable `\(variable)` is already defined", loc.position, name: variable)
      }
      let outer = scope
      defer { scope = outer }
      scope[variable] = .init(kind: .value)
      for inner in body { try resolveUpdate(inner) }
    default:
      preconditionFailure("unreachable: resolveUpdate is only called with updating clauses")
    }
  }

  /// Checks a SET item.
  private mutating func resolve(_ item: SetItem) throws {
    switch item {
    case .property(let target, _, let value, _):
      try resolve(target, scope)
      try resolve(value, scope)
    case .properties(let variable, let value, _, let loc):
      try requireDefined(variable, loc, scope)
      try resolve(value, scope)
    case .labels(let variable, _, let loc):
      try requireDefined(variable, loc, scope)
    case .dynamicProperty(let target, let key, let value, _):
      try resolve(target, scope)
      try resolve(key, scope)
      try resolve(value, scope)
    case .dynamicLabels(let variable, let labels, let loc):
      try requireDefined(variable, loc, scope)
      for label in labels { try resolve(label, scope) }
    }
  }

  /// Checks a CREATE pattern part: its path, its relationships and its lone node are new, a
  /// node it repeats is used as it is, and each relationship has one type, a direction and no
  /// variable length.
  private mutating func resolveCreate(_ part: PatternPart) throws {
    // A node the pattern repeats is read.
    readNames.formUnion(part.mentionedNames.intersection(scope.names))
    if let p = part.pathVariable, scope[p] != nil {
      throw semanticError(.variableAlreadyBound, "variable `\(p)` is already defined", part.loc.position, name: p)
    }
    if part.steps.isEmpty, let name = part.start.variable, scope[name] != nil {
      throw semanticError(
        .variableAlreadyBound, "variable `\(name)` is already defined; CREATE needs a new node", part.start.loc.position,
        name: name)
    }
    for node in [part.start] + part.steps.map(\.node) {
      if let properties = node.properties { try resolve(properties, scope) }
      for label in node.dynamicLabels { try resolve(label.expression, scope) }
      guard let name = node.variable else { continue }
      guard let v = scope[name] else {
        scope[name] = .init(kind: .node)
        continue
      }
      if v.kind != .node && v.kind != .value {
        throw semanticError(.variableTypeConflict, "variable `\(name)` is not a node", node.loc.position, name: name)
      }
      if !node.labels.isEmpty || !node.dynamicLabels.isEmpty || node.properties != nil {
        throw semanticError(
          .variableAlreadyBound, "variable `\(name)` is already defined; CREATE cannot add labels or properties to it",
          node.loc.position, name: name)
      }
    }
    for rel in part.steps.map(\.relationship) {
      if let name = rel.variable, scope[name] != nil {
        throw semanticError(.variableAlreadyBound, "variable `\(name)` is already defined", rel.loc.position, name: name)
      }
      if rel.types.count + rel.dynamicTypes.count != 1 {
        throw semanticError(.noSingleRelationshipType, "a relationship must have exactly one type to be created", rel.loc.position)
      }
      for type in rel.dynamicTypes { try resolve(type.expression, scope) }
      if rel.direction == .both {
        throw semanticError(.requiresDirectedRelationship, "only directed relationships can be created", rel.loc.position)
      }
      if rel.length != nil {
        throw semanticError(.creatingVarLength, "variable-length relationships cannot be created", rel.loc.position)
      }
      if let name = rel.variable { scope[name] = .init(kind: .relationship) }
      if let properties = rel.properties { try resolve(properties, scope) }
    }
    if let p = part.pathVariable { scope[p] = .init(kind: .path) }
  }

  /// Checks a MERGE: its relationships are new, with one type and no variable length; a node it
  /// repeats is used as it is; then the pattern as matched, and the ON CREATE / ON MATCH items.
  private mutating func resolveMerge(_ part: PatternPart, _ actions: [MergeAction]) throws {
    for rel in part.steps.map(\.relationship) {
      if let name = rel.variable, scope[name] != nil {
        throw semanticError(.variableAlreadyBound, "variable `\(name)` is already defined", rel.loc.position, name: name)
      }
      if rel.types.count + rel.dynamicTypes.count != 1 {
        throw semanticError(.noSingleRelationshipType, "a relationship in MERGE must have exactly one type", rel.loc.position)
      }
      if rel.length != nil {
        throw semanticError(.creatingVarLength, "MERGE cannot create variable-length relationships", rel.loc.position)
      }
    }
    if part.steps.isEmpty, let name = part.start.variable, scope[name] != nil {
      throw semanticError(.variableAlreadyBound, "variable `\(name)` is already defined", part.start.loc.position, name: name)
    }
    for node in [part.start] + part.steps.map(\.node) {
      if let name = node.variable, scope[name] != nil,
        !node.labels.isEmpty || !node.dynamicLabels.isEmpty || node.properties != nil
      {
        throw semanticError(
          .variableAlreadyBound, "variable `\(name)` is already defined; MERGE cannot add labels or properties to it",
          node.loc.position, name: name)
      }
    }
    var matched = scope
    try resolveMatch([part], predicate: nil, scope: &matched)
    scope = matched
    for action in actions {
      for item in action.items { try resolve(item) }
    }
  }
}
