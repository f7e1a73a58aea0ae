// The ids a store interns names under: labels, relationship types and property keys. They live
// in GraphCore because plans carry them too (see `GraphStatistics.committedLabelID` and friends),
// not only the store.

/// Interned label id.
package typealias LabelID = Int32
/// Interned relationship-type id.
package typealias TypeID = Int32
/// Interned property-key id.
package typealias PropertyKeyID = Int32
