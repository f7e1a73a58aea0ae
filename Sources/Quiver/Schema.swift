// A summary of what the graph holds, for shells and tools: labels and relationship types with
// their counts, and the property keys in use.

/// Labels, relationship types and property keys of a database.
public struct Schema: Sendable {
  public let labels: [(name: String, count: Int)]
  public let relationshipTypes: [(name: String, count: Int)]
  public let propertyKeys: [String]
}
