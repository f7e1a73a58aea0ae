// Counters of what a statement changed, counted by the engine as it writes; the shell prints
// them, Bolt and HTTP send them as Neo4j's counters, and the conformance runner checks them
// against the TCK's side effects.

/// What one statement (or transaction) changed in the graph.
public struct QueryStatistics: Sendable, Hashable, CustomStringConvertible {
  public var nodesCreated = 0
  public var nodesDeleted = 0
  public var relationshipsCreated = 0
  public var relationshipsDeleted = 0
  /// Labels added to nodes, one per node and label, as Neo4j counts them (`CREATE (:A:B)` adds 2;
  /// setting a label a node already has adds none).
  public var labelsAdded = 0
  /// Labels removed from nodes by `REMOVE`, one per node and label (deleting a node removes none).
  public var labelsRemoved = 0
  /// Label names that came into use in the graph (the TCK's `+labels`).
  package var labelNamesAdded = 0
  /// Label names that went out of use in the graph (the TCK's `-labels`).
  package var labelNamesRemoved = 0
  /// Properties given a value where they had none or another one.
  public var propertiesSet = 0
  /// Properties removed (set to null, REMOVEd, or replaced by `=` map assignment).
  public var propertiesRemoved = 0
  /// Indexes of any kind created (a constraint's own index is not counted, as in Neo4j).
  public var indexesAdded = 0
  /// Indexes dropped.
  public var indexesRemoved = 0
  /// Constraints created.
  public var constraintsAdded = 0
  /// Constraints dropped.
  public var constraintsRemoved = 0

  public init() {}

  /// Adds another statement's counts to these.
  public mutating func add(_ other: QueryStatistics) {
    nodesCreated += other.nodesCreated
    nodesDeleted += other.nodesDeleted
    relationshipsCreated += other.relationshipsCreated
    relationshipsDeleted += other.relationshipsDeleted
    labelsAdded += other.labelsAdded
    labelsRemoved += other.labelsRemoved
    labelNamesAdded += other.labelNamesAdded
    labelNamesRemoved += other.labelNamesRemoved
    propertiesSet += other.propertiesSet
    propertiesRemoved += other.propertiesRemoved
    indexesAdded += other.indexesAdded
    indexesRemoved += other.indexesRemoved
    constraintsAdded += other.constraintsAdded
    constraintsRemoved += other.constraintsRemoved
  }

  /// True when the statement changed anything.
  public var containsUpdates: Bool { self != QueryStatistics() }

  /// A sentence such as "Created 3 nodes, set 5 properties", or "" when nothing changed.
  public var description: String {
    var parts: [String] = []
    func add(_ n: Int, _ verb: String, _ noun: String, _ plural: String? = nil) {
      guard n > 0 else { return }
      parts.append("\(verb) \(n) \(n == 1 ? noun : plural ?? noun + "s")")
    }
    add(nodesCreated, "created", "node")
    add(nodesDeleted, "deleted", "node")
    add(relationshipsCreated, "created", "relationship")
    add(relationshipsDeleted, "deleted", "relationship")
    add(labelsAdded, "added", "label")
    add(labelsRemoved, "removed", "label")
    add(propertiesSet, "set", "property", "properties")
    add(propertiesRemoved, "removed", "property", "properties")
    add(indexesAdded, "added", "index", "indexes")
    add(indexesRemoved, "removed", "index", "indexes")
    add(constraintsAdded, "added", "constraint")
    add(constraintsRemoved, "removed", "constraint")
    guard let first = parts.first else { return "" }
    parts[0] = first.prefix(1).uppercased() + first.dropFirst()
    return parts.joined(separator: ", ")
  }
}
