// The ids a store interns names under: labels, relationship types and property keys, and a name
// with the id the store had committed for it. They live in GraphCore because plans carry them
// (see `GraphStatistics.committedLabelID` and friends) and hand them back to the store when they
// write, so that neither the runtime nor the store looks a committed name up. Committed ids never
// change (GraphStore+CommittedNames.swift); a name without an id (not in the store yet, or created
// by a writer that has not committed) is looked up, or interned, by name when the statement runs.

/// Interned label id.
package typealias LabelID = Int32
/// Interned relationship-type id.
package typealias TypeID = Int32
/// Interned property-key id.
package typealias PropertyKeyID = Int32

/// A name with the id the store had committed for it, if any.
package struct InternedName: Sendable, Hashable {
  package let name: String
  package let id: Int32?

  package init(_ name: String, id: Int32?) {
    self.name = name
    self.id = id
  }
}
