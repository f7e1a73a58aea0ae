// What the planner can tell about an expression's type before running it, so that operands that
// can never work (NOT 1, 'a' % 2, labels(path), x IN 5) fail at compile time as openCypher asks.
import CypherSyntax
import GraphCore

/// A type known at plan time.
package enum StaticType: Sendable, Equatable {
  case boolean, integer, float, string, list, map, node, relationship, path, null

  var name: String {
    switch self {
    case .boolean: return "BOOLEAN"
    case .integer: return "INTEGER"
    case .float: return "FLOAT"
    case .string: return "STRING"
    case .list: return "LIST"
    case .map: return "MAP"
    case .node: return "NODE"
    case .relationship: return "RELATIONSHIP"
    case .path: return "PATH"
    case .null: return "NULL"
    }
  }

  var isNumber: Bool { self == .integer || self == .float }

  /// A value of this type, for checking it against a declared `CypherType`.
  var sample: Value {
    switch self {
    case .boolean: return .bool(true)
    case .integer: return .int(0)
    case .float: return .float(0)
    case .string: return .string("")
    case .list: return .list([])
    case .map: return .map([:])
    case .node: return .node(Node(id: 0))
    case .relationship: return .relationship(Relationship(id: 0))
    case .path: return .path(Path(nodes: [], relationships: []))
    case .null: return .null
    }
  }
}

extension Planner {
  /// The type of `e` when it is certain from literals and variable kinds; nil when unknown.
  func staticType(_ e: Expression, _ scope: Scope) -> StaticType? {
    switch e {
    case .literal(let l):
      switch l {
      case .null: return .null
      case .bool: return .boolean
      case .int: return .integer
      case .float: return .float
      case .string: return .string
      }
    case .list, .listComprehension, .patternComprehension: return .list
    case .map, .mapProjection: return .map
    case .variable(let name, _):
      guard let v = scope[name] else { return nil }
      switch v.kind {
      case .node: return .node
      case .relationship: return .relationship
      case .path: return .path
      case .relationshipList: return .list
      case .value: return v.type
      }
    case .unary(.not, _), .isNull, .hasLabels, .quantifier, .exists: return .boolean
    case .countSubquery: return .integer
    case .collectSubquery: return .list
    case .binary(let op, let a, let b, _):
      switch op {
      case .and, .or, .xor, .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual, .in,
        .startsWith, .endsWith, .contains, .regexMatch:
        return .boolean
      case .add:
        let (x, y) = (staticType(a, scope), staticType(b, scope))
        if x == .list || y == .list { return .list }
        if x == .string || y == .string { return .string }
        if x == .integer && y == .integer { return .integer }
        if x?.isNumber == true && y?.isNumber == true { return .float }
        return nil
      case .subtract, .multiply, .divide, .modulo:
        let (x, y) = (staticType(a, scope), staticType(b, scope))
        if x == .integer && y == .integer { return .integer }
        if x?.isNumber == true && y?.isNumber == true { return .float }
        return nil
      case .power: return .float
      }
    case .unary(_, let x):
      let t = staticType(x, scope)
      return t?.isNumber == true ? t : nil
    case .countStar: return .integer
    default: return nil
    }
  }

  /// The common type of a literal list's elements, when they all share one.
  func elementType(_ e: Expression, _ scope: Scope) -> StaticType? {
    guard case .list(let items) = e, let first = items.first else { return nil }
    let t = staticType(first, scope)
    guard let t, t != .null, items.allSatisfy({ staticType($0, scope) == t }) else { return nil }
    return t
  }

  /// Fails at compile time when `e` certainly has a type outside `allowed` (null always passes).
  func requireType(_ e: Expression, _ scope: Scope, _ allowed: [StaticType], _ what: String) throws {
    guard let t = staticType(e, scope), t != .null, !allowed.contains(t) else { return }
    throw semanticError(.invalidArgumentType, "\(what) cannot take a \(t.name)", e.position)
  }

  /// Compile-time operand checks for operators.
  func checkOperands(_ e: Expression, _ scope: Scope) throws {
    switch e {
    case .unary(.not, let x):
      try requireType(x, scope, [.boolean], "NOT")
    case .unary(.minus, let x):
      try requireType(x, scope, [.integer, .float], "unary minus")
    case .binary(let op, let a, let b, _):
      switch op {
      case .and, .or, .xor:
        try requireType(a, scope, [.boolean], op.rawValue)
        try requireType(b, scope, [.boolean], op.rawValue)
      case .in:
        try requireType(b, scope, [.list], "IN")
      case .subtract, .multiply, .divide, .modulo, .power:
        try requireType(a, scope, [.integer, .float], op.rawValue)
        try requireType(b, scope, [.integer, .float], op.rawValue)
      case .add:
        let (x, y) = (staticType(a, scope), staticType(b, scope))
        if let x, let y, x != .null, y != .null, x != .list, y != .list {
          let ok = (x.isNumber && y.isNumber) || (x == .string && (y == .string || y.isNumber)) || (y == .string && x.isNumber)
          if !ok {
            throw semanticError(.invalidArgumentType, "cannot add a \(y.name) to a \(x.name)", e.position)
          }
        }
      default: break
      }
    case .property(let owner, let key):
      if staticType(owner, scope) == .path {
        throw semanticError(.invalidArgumentType, "a path has no properties (`\(key)`); use nodes(p) or relationships(p)", owner.position)
      }
      if let t = staticType(owner, scope), [.boolean, .integer, .float, .string, .list].contains(t) {
        throw QuiverError(.type, .invalidArgumentType, "cannot read property `\(key)` of a \(t.name)", phase: .compile, at: owner.position)
      }
    case .quantifier(let q, _, let list, _, _):
      try requireType(list, scope, [.list], q.rawValue + "()")
    case .listComprehension(_, let list, _, _):
      try requireType(list, scope, [.list], "a list comprehension")
    default: break
    }
  }

  /// Compile-time argument checks for functions whose argument types are fixed.
  func checkArguments(_ f: ScalarFunction, _ args: [Expression], _ scope: Scope) throws {
    guard let first = args.first else { return }
    let name = f.rawValue + "()"
    switch f {
    case .labels: try requireType(first, scope, [.node], name)
    case .type: try requireType(first, scope, [.relationship], name)
    case .properties, .keys: try requireType(first, scope, [.node, .relationship, .map], name)
    case .nodes, .relationships: try requireType(first, scope, [.path], name)
    case .startNode, .endNode: try requireType(first, scope, [.relationship], name)
    case .id: try requireType(first, scope, [.node, .relationship], name)
    case .head, .last, .tail: try requireType(first, scope, [.list], name)
    case .size: try requireType(first, scope, [.list, .string], name)
    case .length: try requireType(first, scope, [.path, .string, .list], name)
    case .toLower, .toUpper, .trim, .ltrim, .rtrim, .split, .left, .right, .substring, .replace:
      try requireType(first, scope, [.string], name)
    case .abs, .ceil, .floor, .round, .sign, .sqrt, .exp, .log, .log10, .sin, .cos, .tan, .cot, .asin, .acos, .atan:
      try requireType(first, scope, [.integer, .float], name)
    case .toBoolean: try requireType(first, scope, [.boolean, .string, .integer], name)
    case .toInteger, .toFloat: try requireType(first, scope, [.boolean, .string, .integer, .float], name)
    default: break
    }
  }
}
