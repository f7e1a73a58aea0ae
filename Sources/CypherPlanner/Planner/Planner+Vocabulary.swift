// Conversions from the parser's operator, quantifier and mode vocabulary to the plan's own
// (`PlanBinaryOperator`, `PlanQuantifier`, `ExecutionMode`), and of names to `InternedName`s,
// done once at planning time so that the runtime never sees a syntax type nor looks a committed
// name up.
import CypherSyntax
import GraphCore

extension Planner {
  /// Property key `name` with its id when the store has committed it.
  func propertyKey(_ name: String) -> InternedName {
    InternedName(name, id: statistics.committedPropertyKeyID(name))
  }

  /// Label `name` with its id when the store has committed it.
  func label(_ name: String) -> InternedName {
    InternedName(name, id: statistics.committedLabelID(name))
  }

  /// Relationship type `name` with its id when the store has committed it.
  func relationshipType(_ name: String) -> InternedName {
    InternedName(name, id: statistics.committedTypeID(name))
  }
}

extension PlanBinaryOperator {
  /// The value operator for `op`; nil for `AND`, `OR` and `XOR`, which plans carry as their own
  /// expression cases.
  init?(_ op: BinaryOperator) {
    self.init(rawValue: op.rawValue)
  }
}

extension PlanQuantifier {
  /// The plan's form of the quantifier `q`.
  init(_ q: Quantifier) {
    switch q {
    case .all: self = .all
    case .any: self = .any
    case .none: self = .none
    case .single: self = .single
    }
  }
}

extension ExecutionMode {
  /// The mode of a statement prefixed with nothing, `EXPLAIN` or `PROFILE`.
  init(_ mode: Statement.Mode) {
    switch mode {
    case .run: self = .run
    case .explain: self = .explain
    case .profile: self = .profile
    }
  }
}
