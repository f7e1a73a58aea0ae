// The notifications Quiver raises, with Neo4j's codes, titles, descriptions and GQL statuses:
// unknown labels, relationship types and property keys that a statement reads (checked against
// the graph version it runs on, at every run), and MATCH clauses that join disconnected patterns.
import CypherPlanner
import GraphStorage

extension QueryNotification {
  /// The notifications for a statement that reads `names`, run against `store`.
  static func notifications(for names: NameUses, in store: GraphStore) -> [QueryNotification] {
    var found: [QueryNotification] = []
    for (label, position) in names.labels where store.labelID(label) == nil {
      found.append(unknown(
        "Neo.ClientNotification.Statement.UnknownLabelWarning", "The provided label is not in the database.",
        "One of the labels in your query is not available in the database, make sure you didn't misspell it or that "
          + "the label is available when you run this statement in your application (the missing label name is: \(label))",
        gql: "01N50", "warn: unknown label. The label `\(label)` does not exist in database `neo4j`. Verify that the spelling is correct.",
        position))
    }
    for (type, position) in names.relationshipTypes where store.typeID(type) == nil {
      found.append(unknown(
        "Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning",
        "The provided relationship type is not in the database.",
        "One of the relationship types in your query is not available in the database, make sure you didn't misspell it "
          + "or that the label is available when you run this statement in your application (the missing relationship "
          + "type is: \(type))",
        gql: "01N51",
        "warn: unknown relationship type. The relationship type `\(type)` does not exist in database `neo4j`. Verify that the spelling is correct.",
        position))
    }
    for (key, position) in names.propertyKeys where store.propertyKeyID(key) == nil {
      found.append(unknown(
        "Neo.ClientNotification.Statement.UnknownPropertyKeyWarning", "The provided property key is not in the database",
        "One of the property names in your query is not available in the database, make sure you didn't misspell it or "
          + "that the label is available when you run this statement in your application (the missing property name is: \(key))",
        gql: "01N52",
        "warn: unknown property key. The property `\(key)` does not exist in database `neo4j`. Verify that the spelling is correct.",
        position))
    }
    for (position, disconnected) in names.cartesianProducts {
      let identifiers = disconnected.map { "(\($0))" }.joined(separator: ", ")
      found.append(QueryNotification(
        code: "Neo.ClientNotification.Statement.CartesianProduct",
        title: "This query builds a cartesian product between disconnected patterns.",
        description: "If a part of a query contains multiple disconnected patterns, this will build a cartesian product "
          + "between all those parts. This may produce a large amount of data and slow down query processing. While "
          + "occasionally intended, it may often be possible to reformulate the query that avoids the use of this cross "
          + "product, perhaps by adding a relationship between the different parts or by using OPTIONAL MATCH "
          + "(identifier is: \(identifiers))",
        position: position, severity: "INFORMATION", category: "PERFORMANCE", gqlStatus: "03N90",
        statusDescription: "info: cartesian product. The disconnected patterns \(identifiers) build a cartesian product. "
          + "A cartesian product may produce a large amount of data and slow down query processing."))
    }
    return found
  }

  /// A WARNING about a name the graph does not hold.
  private static func unknown(
    _ code: String, _ title: String, _ description: String, gql: String, _ statusDescription: String,
    _ position: SourcePosition?
  ) -> QueryNotification {
    QueryNotification(
      code: code, title: title, description: description, position: position, severity: "WARNING",
      category: "UNRECOGNIZED", gqlStatus: gql, statusDescription: statusDescription)
  }
}
