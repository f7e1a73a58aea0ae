// A label, relationship type or property key as a plan carries it: the name, and the store's
// interned id when the store had committed the name at planning time. Committed ids never change
// (GraphStore+CommittedNames.swift), so the runtime uses them as they are, with no look-up per
// row or per statement; a name without an id (not in the store yet, or created by a writer that
// has not committed) is looked up by name when the statement runs, since it may exist by then.
import GraphCore

/// A name with the id the store had committed for it, if any.
package struct InternedName: Sendable, Hashable {
  package let name: String
  package let id: Int32?

  package init(_ name: String, id: Int32?) {
    self.name = name
    self.id = id
  }
}
