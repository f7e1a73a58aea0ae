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
