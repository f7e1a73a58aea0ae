// What the binder and the planner can tell about an expression's type before running it, from
// literals and the kinds of the variables in scope (`TypeContext`). The binder uses it to refuse
// operands that can never work (Binder+Types.swift); the planner to type projected variables.
import CypherSyntax
import GraphCore

/// A type known at compile time.
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

/// The variables in scope as far as static typing needs them: each name's kind and, for values,
/// its type when known. Both the binder's scope and the planner's conform.
protocol TypeContext {
  /// The kind and known type of the variable `name`, nil when it is not in scope.
  func symbol(_ name: String) -> (kind: VariableKind, type: StaticType?)?
}

extension TypeContext {
  /// The type of `e` when it is certain from literals and variable kinds; nil when unknown.
  func staticType(_ e: Expression) -> StaticType? {
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
      guard let v = symbol(name) else { return nil }
      switch v.kind {
      case .node: return .node
      case .relationship: return .relationship
      case .path: return .path
      case .relationshipList: return .list
      case .value: return v.type
      }
    case .unary(.not, _), .isNull, .typePredicate, .hasLabels, .quantifier, .exists: return .boolean
    case .countSubquery: return .integer
    case .collectSubquery: return .list
    case .binary(let op, let a, let b, _):
      switch op {
      case .and, .or, .xor, .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual, .in,
        .startsWith, .endsWith, .contains, .regexMatch:
        return .boolean
      case .concatenate:
        let (x, y) = (staticType(a), staticType(b))
        return x == .list || y == .list ? .list : x == .string || y == .string ? .string : nil
      case .add:
        let (x, y) = (staticType(a), staticType(b))
        if x == .list || y == .list { return .list }
        if x == .string || y == .string { return .string }
        if x == .integer && y == .integer { return .integer }
        if x?.isNumber == true && y?.isNumber == true { return .float }
        return nil
      case .subtract, .multiply, .divide, .modulo:
        let (x, y) = (staticType(a), staticType(b))
        if x == .integer && y == .integer { return .integer }
        if x?.isNumber == true && y?.isNumber == true { return .float }
        return nil
      case .power: return .float
      }
    case .unary(_, let x):
      let t = staticType(x)
      return t?.isNumber == true ? t : nil
    case .countStar: return .integer
    default: return nil
    }
  }

  /// The common type of a literal list's elements, when they all share one.
  func elementType(_ e: Expression) -> StaticType? {
    guard case .list(let items) = e, let first = items.first else { return nil }
    let t = staticType(first)
    guard let t, t != .null, items.allSatisfy({ staticType($0) == t }) else { return nil }
    return t
  }
}
