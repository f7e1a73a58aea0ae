// What the planner may know about the stored graph without depending on storage: counts and the
// property indexes it can seek in.

/// Counts and indexes of a graph, for choosing plans.
package protocol GraphStatistics: Sendable {
  var nodeCount: Int { get }
  var relationshipCount: Int { get }
  func count(ofLabel label: String) -> Int
  func count(ofType type: String) -> Int
  /// The name of a node index on exactly `properties` of `label`, if one exists.
  func nodeIndexName(label: String, properties: [String]) -> String?
  /// The name of a relationship index on exactly `properties` of relationships of `type`.
  func relationshipIndexName(type: String, properties: [String]) -> String?
  /// Entries and distinct keys of an index, and whether it enforces uniqueness.
  func indexStatistics(_ name: String) -> (entries: Int, distinct: Int, unique: Bool)
  /// The id of label `name` when a committed version of the store has interned it: such ids never
  /// change for any later version, so a plan may carry them. Nil for a name the store does not
  /// know, or that only an uncommitted writer has used (its id may go with the writer).
  func committedLabelID(_ name: String) -> LabelID?
  /// The id of relationship type `name`, as `committedLabelID`.
  func committedTypeID(_ name: String) -> TypeID?
  /// The id of property key `name`, as `committedLabelID`.
  func committedPropertyKeyID(_ name: String) -> PropertyKeyID?
}

extension GraphStatistics {
  package func committedLabelID(_ name: String) -> LabelID? { nil }
  package func committedTypeID(_ name: String) -> TypeID? { nil }
  package func committedPropertyKeyID(_ name: String) -> PropertyKeyID? { nil }
}

/// Statistics of an empty graph with no indexes (for planning without a store).
package struct NoStatistics: GraphStatistics {
  package init() {}
  package var nodeCount: Int { 0 }
  package var relationshipCount: Int { 0 }
  package func count(ofLabel label: String) -> Int { 0 }
  package func count(ofType type: String) -> Int { 0 }
  package func nodeIndexName(label: String, properties: [String]) -> String? { nil }
  package func relationshipIndexName(type: String, properties: [String]) -> String? { nil }
  package func indexStatistics(_ name: String) -> (entries: Int, distinct: Int, unique: Bool) { (0, 0, false) }
}
