// Evaluation of bound expressions against a row: values, property access, boolean logic with
// nulls, comprehensions, CASE and correlated sub-queries. Operators on values live in
// Evaluator+Operators.swift and functions in Functions/.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// The value of `e` for `row`.
  package func eval(_ e: PlanExpression, _ row: Row) throws -> Value {
    switch e {
    case .constant(let v):
      return v
    case .parameter(let name):
      guard let v = parameter(name) else {
        throw QuiverError(.parameterMissing, .missingParameter, "expected a value for parameter $\(name)", phase: .runtime)
      }
      return v
    case .slot(let i):
      return row[i]
    case .property(let owner, let key):
      return try property(try eval(owner, row), key.name, id: key.id)
    case .subscript(let owner, let index):
      return try subscriptValue(try eval(owner, row), try eval(index, row))
    case .slice(let owner, let from, let to):
      return try slice(try eval(owner, row), try from.map { try eval($0, row) }, try to.map { try eval($0, row) })
    case .list(let items):
      return .list(try items.map { try eval($0, row) })
    case .map(let entries):
      var m: [String: Value] = [:]
      for (k, v) in entries { m[k] = try eval(v, row) }
      return .map(m)
    case .not(let x):
      return Value.ternary(try truth(eval(x, row)).map { !$0 })
    case .negate(let x):
      return try negate(eval(x, row))
    case .and(let a, let b):
      let l = try truth(eval(a, row))
      if l == false { return .bool(false) }
      let r = try truth(eval(b, row))
      if r == false { return .bool(false) }
      return (l == nil || r == nil) ? .null : .bool(true)
    case .or(let a, let b):
      let l = try truth(eval(a, row))
      if l == true { return .bool(true) }
      let r = try truth(eval(b, row))
      if r == true { return .bool(true) }
      return (l == nil || r == nil) ? .null : .bool(false)
    case .xor(let a, let b):
      let l = try truth(eval(a, row))
      let r = try truth(eval(b, row))
      guard let l, let r else { return .null }
      return .bool(l != r)
    case .binary(let op, let a, let b):
      return try binary(op, try eval(a, row), try eval(b, row))
    case .isNull(let x, let negated):
      let v = try eval(x, row)
      return .bool(v.isNull != negated)
    case .typePredicate(let x, let type, let negated):
      return .bool(type.matches(try eval(x, row)) != negated)
    case .hasLabels(let x, let labels):
      switch try eval(x, row) {
      case .null: return .null
      case .node(let n):
        if deletedNodes[n.id] != nil {
          throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "node \(n.id) was deleted")
        }
        dbHits += 1
        // No names is `:%`, any label at all.
        if labels.isEmpty { return .bool(!store.labels(of: n.id).isEmpty) }
        // By the plan's committed id, else by name: a label the store lacks is on no node.
        return .bool(labels.allSatisfy { label in
          (label.id ?? store.labelID(label.name)).map { store.hasLabel(n.id, labelID: $0) } ?? false
        })
      case .relationship(let r):
        // `r:R` asks for the type; a relationship has one, so `:R&S` holds for none.
        dbHits += 1
        let type = store.type(of: r.id) ?? deletedRelationships[r.id]?.type
        return .bool(labels.allSatisfy { $0.name == type })
      case let v: throw QuiverError.typeError("expected a node or relationship for a label check, got \(v.typeName)")
      }
    case .function(let f, let args):
      return try call(f, try args.map { try eval($0, row) })
    case .temporal(let f, let args):
      return try callTemporal(f, try args.map { try eval($0, row) })
    case .userFunction(let f, let args):
      return try call(f, try args.map { try eval($0, row) })
    case .caseExpression(let subject, let branches, let otherwise):
      if let subject {
        let s = try eval(subject, row)
        for (c, r) in branches where s.cypherEquals(try eval(c, row)) == true { return try eval(r, row) }
      } else {
        for (c, r) in branches where try truth(eval(c, row)) == true { return try eval(r, row) }
      }
      return try otherwise.map { try eval($0, row) } ?? .null
    case .listComprehension(let slot, let list, let predicate, let projection):
      guard let items = try listOperand(eval(list, row), "list comprehension") else { return .null }
      var r = row
      var out: [Value] = []
      var bytes = 16
      for item in items {
        r[slot] = item
        if let predicate, try truth(eval(predicate, r)) != true { continue }
        let value = try projection.map { try eval($0, r) } ?? item
        // The list built counts against the memory budget as it grows.
        bytes &+= value.estimatedBytes
        try checkMemory(bytes, "list comprehension")
        out.append(value)
      }
      return .list(out)
    case .quantifier(let q, let slot, let list, let predicate):
      guard let items = try listOperand(eval(list, row), q.rawValue + "()") else { return .null }
      return try quantify(q, items, slot: slot, predicate: predicate, row)
    case .reduce(let acc, let initial, let slot, let list, let body):
      guard let items = try listOperand(eval(list, row), "reduce()") else { return .null }
      var r = row
      r[acc] = try eval(initial, row)
      for item in items {
        r[slot] = item
        r[acc] = try eval(body, r)
      }
      return r[acc]
    case .subquery(let plan, let result):
      let cursor = makeCursor(plan, argument: row)
      switch result {
      case .exists:
        return .bool(try cursor.next() != nil)
      case .count:
        var n: Int64 = 0
        while try cursor.next() != nil { n += 1 }
        return .int(n)
      case .collect(let projection):
        var out: [Value] = []
        var bytes = 16
        while let r = try cursor.next() {
          let value = try eval(projection, r)
          bytes &+= value.estimatedBytes
          try checkListSize(out.count + 1, "COLLECT subquery")
          try checkMemory(bytes, "COLLECT subquery")
          out.append(value)
        }
        return .list(out)
      }
    case .mapProjection(let owner, let items):
      return try mapProjection(try eval(owner, row), items, row)
    case .path(let elements):
      return try buildPath(elements, row)
    }
  }

  /// The truth of a predicate value: nil for null; anything but a boolean is a type error.
  func truth(_ v: Value) throws -> Bool? {
    switch v {
    case .bool(let b): return b
    case .null: return nil
    default: throw QuiverError.typeError("expected a boolean, got \(v.typeName)")
    }
  }

  private func listOperand(_ v: Value, _ what: String) throws -> [Value]? {
    switch v {
    case .list(let l): return l
    case .null: return nil
    default: throw QuiverError.typeError("\(what) needs a list, got \(v.typeName)")
    }
  }

  private func quantify(_ q: PlanQuantifier, _ items: [Value], slot: Int, predicate: PlanExpression, _ row: Row) throws -> Value {
    var r = row
    var trues = 0
    var nulls = 0
    for item in items {
      r[slot] = item
      switch try truth(eval(predicate, r)) {
      case true?:
        trues += 1
        if q == .any { return .bool(true) }
        if q == .none { return .bool(false) }
        if q == .single && trues > 1 { return .bool(false) }
      case false?:
        if q == .all { return .bool(false) }
      case nil:
        nulls += 1
      }
    }
    switch q {
    case .all: return nulls > 0 ? .null : .bool(true)
    case .any: return nulls > 0 ? .null : .bool(false)
    case .none: return nulls > 0 ? .null : .bool(true)
    case .single:
      if nulls > 0 { return trues <= 1 ? .null : .bool(false) }
      return .bool(trues == 1)
    }
  }

  /// `owner.key` for nodes, relationships and maps; `id` is the key's committed id from the plan
  /// (nil: looked up by name, since the key may be new).
  func property(_ owner: Value, _ key: String, id: PropertyKeyID? = nil) throws -> Value {
    dbHits += 1
    switch owner {
    case .null: return .null
    case .node(let n):
      guard let value = store.nodeProperty(n.id, key: id ?? propertyKeyID(key)), deletedNodes.isEmpty || deletedNodes[n.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "node \(n.id) was deleted")
      }
      return value ?? .null
    case .relationship(let r):
      guard let value = store.relationshipProperty(r.id, key: id ?? propertyKeyID(key)), deletedRelationships.isEmpty || deletedRelationships[r.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "relationship \(r.id) was deleted")
      }
      return value ?? .null
    case .map(let m):
      return m[key] ?? .null
    case .temporal(let t):
      return try temporalProperty(t, key)
    case .point(let p):
      return try SpatialValues.property(p, key)
    default:
      throw QuiverError.typeError("cannot read property `\(key)` of a \(owner.typeName)")
    }
  }

  /// All properties of a node, relationship or map.
  func properties(of owner: Value) throws -> [String: Value]? {
    switch owner {
    case .null: return nil
    case .node(let n):
      guard let properties = store.nodeProperties(n.id), deletedNodes[n.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "node \(n.id) was deleted")
      }
      return properties
    case .relationship(let r):
      guard let properties = store.relationshipProperties(r.id), deletedRelationships[r.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "relationship \(r.id) was deleted")
      }
      return properties
    case .map(let m): return m
    default: throw QuiverError.typeError("expected a node, relationship or map, got \(owner.typeName)")
    }
  }

  private func mapProjection(_ owner: Value, _ items: [PlanMapProjectionItem], _ row: Row) throws -> Value {
    guard let props = try properties(of: owner) else { return .null }
    var out: [String: Value] = [:]
    for item in items {
      switch item {
      case .property(let k): out[k] = props[k] ?? .null
      case .allProperties: out.merge(props) { _, new in new }
      case .entry(let k, let e): out[k] = try eval(e, row)
      }
    }
    return .map(out)
  }

  /// Assembles a path value from node, relationship and relationship-list slots.
  func buildPath(_ elements: [PathElement], _ row: Row) throws -> Value {
    var nodes: [Node] = []
    var rels: [Relationship] = []
    for element in elements {
      switch element {
      case .node(let s):
        guard case .node(let n) = row[s] else { return .null }
        if nodes.last?.id != n.id || rels.count == nodes.count { nodes.append(n) }
      case .relationship(let s):
        guard case .relationship(let r) = row[s] else { return .null }
        rels.append(r)
      case .relationships(let s):
        guard case .list(let list) = row[s] else { return .null }
        for item in list {
          guard case .relationship(let r) = item, let last = nodes.last else { return .null }
          rels.append(r)
          let record = store.relationship(r.id)
          let start = record?.start ?? deletedRelationships[r.id]?.startID ?? -1
          let end = record?.end ?? deletedRelationships[r.id]?.endID ?? -1
          nodes.append(Node(id: start == last.id ? end : start))
        }
      }
    }
    return .path(Path(nodes: nodes, relationships: rels))
  }
}

extension Value {
  var isNaN: Bool { if case .float(let d) = self { return d.isNaN } else { return false } }

  static func ternary(_ b: Bool?) -> Value {
    b.map { .bool($0) } ?? .null
  }
}
