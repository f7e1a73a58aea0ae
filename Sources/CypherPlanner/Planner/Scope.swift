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

/// The user's name for each slot, collected while planning so EXPLAIN can print names.
final class SlotNames {
  private(set) var names: [Int: String] = [:]

  func record(_ slot: Int, _ name: String) {
    if names[slot] == nil { names[slot] = name }
  }
}

/// The variables in scope, by name. Names starting with a space are the planner's own and are
/// never visible to `RETURN *`.
struct Scope {
  var variables: [String: Variable] = [:]
  /// Names a projection that aggregates or removes duplicates has just dropped: its own
  /// expressions (and the subqueries inside them) may neither read them nor let a pattern
  /// introduce them afresh, which would silently match the whole graph.
  var hidden: Set<String> = []
  /// Shared by every scope of one statement.
  let slotNames: SlotNames

  init(slotNames: SlotNames) {
    self.slotNames = slotNames
  }

  /// An empty scope recording into the same names.
  var emptied: Scope { Scope(slotNames: slotNames) }

  subscript(name: String) -> Variable? {
    get { variables[name] }
    set {
      variables[name] = newValue
      if let v = newValue, !name.hasPrefix(" ") { slotNames.record(v.slot, name) }
    }
  }

  /// This scope with every name of `before` that it lacks hidden.
  func hiding(namesOf before: Scope) -> Scope {
    var copy = self
    copy.hidden = Set(before.variables.keys.filter { variables[$0] == nil && !$0.hasPrefix(" ") })
    return copy
  }

  /// Throws when a pattern would introduce `name` although a projection has hidden it.
  func checkNotHidden(_ name: String, _ position: SourcePosition?) throws {
    guard variables[name] == nil, hidden.contains(name) else { return }
    throw QuiverError.semantic(
      .undefinedVariable, "variable `\(name)` not defined: after DISTINCT or aggregation only projected columns can be used",
      at: position, name: name)
  }

  /// True when `name` is given and bound here (the name an UndefinedVariable error carries).
  func binds(_ name: String?) -> Bool {
    name.map { variables[$0] != nil } ?? false
  }

  /// User-visible names, sorted (the column order of `RETURN *`).
  var visibleNames: [String] {
    variables.keys.filter { !$0.hasPrefix(" ") }.sorted()
  }
}
