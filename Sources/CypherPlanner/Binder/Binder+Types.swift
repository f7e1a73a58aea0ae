// The binder's static type checks: operands and function arguments whose type, inferred from
// literals and the kinds of the variables in scope (StaticType.swift), can never work (NOT 1,
// 'a' % 2, labels(path), x IN 5) fail at compile time, as openCypher asks.
import CypherSyntax
import GraphCore

extension Binder {
  /// Fails at compile time when `e` certainly has a type outside `allowed` (null always passes).
  func requireType(_ e: Expression, _ scope: BinderScope, _ allowed: [StaticType], _ what: String) throws {
    guard let t = scope.staticType(e), t != .null, !allowed.contains(t) else { return }
    throw semanticError(.invalidArgumentType, "\(what) cannot take a \(t.name)", e.position)
  }

  /// Compile-time operand checks for operators.
  func checkOperands(_ e: Expression, _ scope: BinderScope) throws {
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
      case .concatenate:
        try requireType(a, scope, [.string, .list], op.rawValue)
        try requireType(b, scope, [.string, .list], op.rawValue)
      case .add:
        let (x, y) = (scope.staticType(a), scope.staticType(b))
        if let x, let y, x != .null, y != .null, x != .list, y != .list {
          let ok = (x.isNumber && y.isNumber) || (x == .string && (y == .string || y.isNumber)) || (y == .string && x.isNumber)
          if !ok {
            throw semanticError(.invalidArgumentType, "cannot add a \(y.name) to a \(x.name)", e.position)
          }
        }
      default: break
      }
    case .property(let owner, let key):
      if scope.staticType(owner) == .path {
        throw semanticError(.invalidArgumentType, "a path has no properties (`\(key)`); use nodes(p) or relationships(p)", owner.position)
      }
      if let t = scope.staticType(owner), [.boolean, .integer, .float, .string, .list].contains(t) {
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
  func checkArguments(_ f: ScalarFunction, _ args: [Expression], _ scope: BinderScope) throws {
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
