// The binder's scope model: the variables visible at one point of a query, each with the kind of
// value it holds (and for values the static type when known), and the names the last projection
// that aggregates or removes duplicates has hidden. The binder threads it through the clauses in
// the order the planner plans them, so it can refuse what the scope makes invalid.
import CypherSyntax
import GraphCore

/// The variables in scope where the binder is, by name.
struct BinderScope: TypeContext {
  /// What the binder knows of one variable.
  struct Symbol: Equatable {
    var kind: VariableKind
    /// For values, the type when it is known.
    var type: StaticType?
  }

  private(set) var symbols: [String: Symbol] = [:]
  /// Names a projection that aggregates or removes duplicates has just dropped: its own
  /// expressions (and the subqueries inside them) may neither read them nor let a pattern
  /// introduce them afresh, which would silently match the whole graph.
  var hidden: Set<String> = []

  subscript(name: String) -> Symbol? {
    get { symbols[name] }
    set { symbols[name] = newValue }
  }

  func symbol(_ name: String) -> (kind: VariableKind, type: StaticType?)? {
    symbols[name].map { ($0.kind, $0.type) }
  }

  /// True when `name` is given and bound here (the name an UndefinedVariable error carries).
  func binds(_ name: String?) -> Bool {
    name.map { symbols[$0] != nil } ?? false
  }

  /// The names bound here.
  var names: Set<String> { Set(symbols.keys) }

  /// User-visible names, sorted (the column order of `RETURN *`). Names starting with a space
  /// are the binder's own placeholders.
  var visibleNames: [String] {
    symbols.keys.filter { !$0.hasPrefix(" ") }.sorted()
  }

  /// This scope with every name of `before` that it lacks hidden.
  func hiding(namesOf before: BinderScope) -> BinderScope {
    var copy = self
    copy.hidden = Set(before.symbols.keys.filter { symbols[$0] == nil && !$0.hasPrefix(" ") })
    return copy
  }

  /// Throws when a pattern would introduce `name` although a projection has hidden it.
  func checkNotHidden(_ name: String, _ position: SourcePosition?) throws {
    guard symbols[name] == nil, hidden.contains(name) else { return }
    throw semanticError(
      .undefinedVariable, "variable `\(name)` not defined: after DISTINCT or aggregation only projected columns can be used",
      position, name: name)
  }
}
