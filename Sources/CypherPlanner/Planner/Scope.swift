// The variables visible at a point of a query as the planner binds them, and the slots that hold
// them. The binder has its own scope model (Binder/BinderScope.swift) and has refused every
// query whose names do not resolve.
import CypherSyntax
import GraphCore

/// What a variable holds, as far as the planner can tell.
package enum VariableKind: Sendable, Equatable {
  case node, relationship, relationshipList, path, value
}

/// A named variable bound to a row slot.
package struct Variable: Sendable {
  package var slot: Int
  package var kind: VariableKind
  /// For values, the type when the planner knows it.
  package var type: StaticType?

  package init(slot: Int, kind: VariableKind, type: StaticType? = nil) {
    self.slot = slot
    self.kind = kind
    self.type = type
  }
}

/// The user's name for each slot, collected while planning so EXPLAIN can print names.
final class SlotNames {
  private(set) var names: [Int: String] = [:]

  func record(_ slot: Int, _ name: String) {
    if names[slot] == nil { names[slot] = name }
  }
}

/// The variables in scope, by name. Names starting with a space are the planner's own and are
/// never visible to `RETURN *`.
struct Scope: TypeContext {
  var variables: [String: Variable] = [:]
  /// Shared by every scope of one statement.
  let slotNames: SlotNames

  init(slotNames: SlotNames) {
    self.slotNames = slotNames
  }

  /// A scope without the query's variables, recording into the same names. What LOAD CSV is
  /// reading (`linenumber()`, `file()`) carries over, into WITH, RETURN and subqueries: it is the
  /// row's context, not a variable.
  var emptied: Scope {
    var scope = Scope(slotNames: slotNames)
    for name in [Planner.lineNumberName, Planner.fileName] { scope.variables[name] = variables[name] }
    return scope
  }

  subscript(name: String) -> Variable? {
    get { variables[name] }
    set {
      variables[name] = newValue
      if let v = newValue, !name.hasPrefix(" ") { slotNames.record(v.slot, name) }
    }
  }

  func symbol(_ name: String) -> (kind: VariableKind, type: StaticType?)? {
    variables[name].map { ($0.kind, $0.type) }
  }

  /// The variable `name` read at `loc`. The binder has refused reads of names not in scope; the
  /// error stays as a defensive backstop rather than a trap.
  func variable(_ name: String, at loc: Loc?) throws -> Variable {
    guard let v = variables[name] else {
      throw semanticError(.undefinedVariable, "variable `\(name)` not defined", loc?.position, name: name)
    }
    return v
  }

  /// User-visible names, sorted (the column order of `RETURN *`).
  var visibleNames: [String] {
    variables.keys.filter { !$0.hasPrefix(" ") }.sorted()
  }
}
