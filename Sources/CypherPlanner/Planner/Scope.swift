// The variables visible at a point of a query and the slots that hold them.
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

/// The variables in scope, by name. Names starting with a space are the planner's own and are
/// never visible to `RETURN *`.
package struct Scope: Sendable {
  package var variables: [String: Variable] = [:]

  package subscript(name: String) -> Variable? {
    get { variables[name] }
    set { variables[name] = newValue }
  }

  /// User-visible names, sorted (the column order of `RETURN *`).
  package var visibleNames: [String] {
    variables.keys.filter { !$0.hasPrefix(" ") }.sorted()
  }
}
